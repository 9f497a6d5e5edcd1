// stub: findings
