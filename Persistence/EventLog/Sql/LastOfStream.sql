-- A stream's latest entry, through the (incident_id, version) index.
SELECT position, incident_id, version, event_id, type, data, metadata, recorded_at, prev_hash, hash
FROM event_log
WHERE incident_id = @IncidentId
  AND version = (SELECT MAX(version) FROM event_log WHERE incident_id = @IncidentId);
