SELECT TOP (1) position AS Position, hash AS Hash
FROM event_log
ORDER BY position DESC;
