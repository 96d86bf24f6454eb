SELECT incident_id
FROM event_log
WHERE version = 1 AND incident_id IN @IncidentIds;
