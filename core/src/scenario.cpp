// stub: scenario
