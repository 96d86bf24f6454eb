-- Open tasks of open incidents whose next escalation has fallen due by @Now (Unix ms): the task's due time plus one
-- step interval per level already reached. Filtered here, as alerts are: a disaster leaves many tasks open and the
-- scan runs every few seconds. A task of an agency whose clearance for the incident was revoked is left alone: the
-- agency no longer sees the incident. Read from the open incidents, as the alerts' scan is: a task left open on a
-- closed incident is never visited again.
SELECT t.*, b.exercise_id AS ExerciseId
FROM incident_board b
CROSS JOIN plan_tasks t
WHERE b.status <> 'Closed'
  AND t.incident_id = b.incident_id
  AND t.status IN ('Assigned', 'Acknowledged', 'InProgress')
  AND t.escalation_level < 3
  AND t.due_at + (t.escalation_level * @StepMilliseconds) <= @Now
  AND NOT EXISTS (SELECT 1 FROM alert_inbox a WHERE a.incident_id = t.incident_id AND a.agency = t.agency AND a.revoked_position IS NOT NULL);
