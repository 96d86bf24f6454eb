-- The exercises the runner follows: running ones fire injects and play their simulated agencies.
SELECT exercise_id
FROM exercises
WHERE status = 'Running';
