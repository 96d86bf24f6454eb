UPDATE plan_tasks
SET status = 'Completed', completed_at = @At, completed_by = @By, completed_position = COALESCE(completed_position, @Position),
    acknowledged_at = COALESCE(acknowledged_at, @At), acknowledged_by = COALESCE(acknowledged_by, @By),
    last_note = COALESCE(@Note, last_note),
    last_note_at = CASE WHEN @Note IS NULL THEN last_note_at ELSE @At END,
    last_note_by = CASE WHEN @Note IS NULL THEN last_note_by ELSE @By END
WHERE incident_id = @IncidentId AND plan_code = @PlanCode AND task_id = @TaskId;
