-- An exercise's tasks: those of the incidents it injected.
SELECT t.incident_id, t.plan_code, t.task_id, t.agency, b.hazard, b.district, t.assigned_at, t.due_at, t.completed_at,
    t.status, t.escalation_level, t.position, t.completed_position
FROM plan_tasks t
JOIN incident_board b ON b.incident_id = t.incident_id
WHERE b.exercise_id = @ExerciseId;
