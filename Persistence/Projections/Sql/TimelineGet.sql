SELECT *
FROM incident_timeline
WHERE incident_id = @IncidentId
ORDER BY version;
