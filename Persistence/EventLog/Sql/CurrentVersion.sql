SELECT COALESCE(MAX(version), 0)
FROM event_log
WHERE incident_id = @IncidentId;
