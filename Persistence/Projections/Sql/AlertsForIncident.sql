SELECT *
FROM alert_inbox
WHERE incident_id = @IncidentId
ORDER BY position;
