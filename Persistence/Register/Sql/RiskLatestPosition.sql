-- The position of the register's latest change, 0 before the first.
SELECT COALESCE(MAX(position), 0) FROM risk_versions;
