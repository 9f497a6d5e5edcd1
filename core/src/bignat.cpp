// stub: bignat
