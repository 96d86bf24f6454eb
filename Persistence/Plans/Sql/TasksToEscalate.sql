-- Open tasks of open incidents whose next escalation has fallen due by @Now (Unix ms): the task's due time plus one
-- step interval per level already reached. Filtered here, as alerts are: a disaster leaves many tasks open and the
-- scan runs every few seconds.
SELECT t.*, b.exercise_id AS ExerciseId
FROM plan_tasks t
JOIN incident_board b ON b.incident_id = t.incident_id
WHERE b.status <> 'Closed'
  AND t.status IN ('Assigned', 'Acknowledged', 'InProgress')
  AND t.escalation_level < 3
  AND t.due_at + (t.escalation_level * @StepMilliseconds) <= @Now;
