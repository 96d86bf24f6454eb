SELECT position, incident_id, version, event_id, type, data, metadata, recorded_at, prev_hash, hash
FROM event_log
WHERE event_id = @EventId;
