// stub: api
