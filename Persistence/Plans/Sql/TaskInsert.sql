INSERT INTO plan_tasks (incident_id, plan_code, task_id, agency, assigned_event_id, title_ar, title_en, checklist, capability, quantity,
    assigned_at, due_at, status, escalation_level, is_exercise, position)
VALUES (@IncidentId, @PlanCode, @TaskId, @Agency, @AssignedEventId, @TitleAr, @TitleEn, @Checklist, @Capability, @Quantity,
    @AssignedAt, @DueAt, 'Assigned', 0, @IsExercise, @Position);
