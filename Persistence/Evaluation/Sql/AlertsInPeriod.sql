-- A period's alerts, real or exercise, with what the figures and the drill-down need (times in Unix ms).
SELECT incident_id, agency, hazard, district, alerted_at, acknowledge_by, acknowledged_at, first_update_at,
    escalation_level, position, acknowledged_position, first_update_position
FROM alert_inbox
WHERE is_exercise = @IsExercise AND alerted_at >= @From AND alerted_at < @To;
