UPDATE plan_tasks
SET escalation_level = @Level
WHERE incident_id = @IncidentId AND plan_code = @PlanCode AND task_id = @TaskId AND escalation_level < @Level;
