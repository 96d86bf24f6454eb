-- An exercise's alerts: those of the incidents it injected.
SELECT a.incident_id, a.agency, a.hazard, a.district, a.alerted_at, a.acknowledge_by, a.acknowledged_at, a.first_update_at,
    a.escalation_level, a.position, a.acknowledged_position, a.first_update_position
FROM alert_inbox a
JOIN incident_board b ON b.incident_id = a.incident_id
WHERE b.exercise_id = @ExerciseId;
