-- The audit's walk: every entry in position order, in one statement, read as a stream.
SELECT position, incident_id, version, event_id, type, data, metadata, recorded_at, prev_hash, hash
FROM event_log
ORDER BY position;
