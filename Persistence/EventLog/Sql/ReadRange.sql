-- The rows of an export, as stored, in position order: read as a stream, one statement (one snapshot of the log).
SELECT position, incident_id, version, event_id, type, data, metadata, recorded_at, prev_hash, hash
FROM event_log
WHERE position >= @First AND position <= @Last
ORDER BY position;
