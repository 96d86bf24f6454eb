-- Alerts raised since a moment, real or exercise, for the response figures.
SELECT *
FROM alert_inbox
WHERE alerted_at >= @Since AND is_exercise = @IsExercise;
