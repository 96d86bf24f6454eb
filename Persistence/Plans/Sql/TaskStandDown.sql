-- A plan stood down closes its tasks still open; done ones stay done.
UPDATE plan_tasks
SET status = 'StoodDown'
WHERE incident_id = @IncidentId AND plan_code = @PlanCode AND status IN ('Assigned', 'Acknowledged', 'InProgress');
