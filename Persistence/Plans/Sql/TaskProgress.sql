-- Progress reported is a task taken on, whether or not it was acknowledged first.
UPDATE plan_tasks
SET status = 'InProgress',
    acknowledged_at = COALESCE(acknowledged_at, @At), acknowledged_by = COALESCE(acknowledged_by, @By),
    last_note = @Note, last_note_at = @At, last_note_by = @By
WHERE incident_id = @IncidentId AND plan_code = @PlanCode AND task_id = @TaskId;
