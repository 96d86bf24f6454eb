SELECT *
FROM plan_tasks
WHERE incident_id = @IncidentId
ORDER BY position;
