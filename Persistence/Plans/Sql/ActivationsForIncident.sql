SELECT *
FROM plan_activations
WHERE incident_id = @IncidentId
ORDER BY position;
