-- A period's alerts, real or exercise, with only what the figures need (times in Unix ms): no ids or positions, which
-- only the drill-down (AlertsInPeriod) names, so a quarter's hundred thousand rows read a third fewer columns.
SELECT agency, hazard, district, alerted_at, acknowledge_by, acknowledged_at, first_update_at, escalation_level
FROM alert_inbox
WHERE is_exercise = @IsExercise AND alerted_at >= @From AND alerted_at < @To;
