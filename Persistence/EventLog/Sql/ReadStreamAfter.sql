-- A stream's entries after a position, in order.
SELECT position, incident_id, version, event_id, type, data, metadata, recorded_at, prev_hash, hash
FROM event_log
WHERE incident_id = @IncidentId AND position > @After
ORDER BY version;
