SELECT COALESCE(MAX(position), 0)
FROM event_log;
