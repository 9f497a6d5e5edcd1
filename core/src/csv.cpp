// stub: csv
