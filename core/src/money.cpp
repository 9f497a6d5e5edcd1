// stub: money
