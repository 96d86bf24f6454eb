-- Open tasks of open real incidents (not exercises) past their due time at @Now (Unix ms), the most overdue first: the
-- coordination meeting's agenda. A task of an agency whose clearance for the incident was revoked is left out, as the
-- escalation scan leaves it.
SELECT t.*
FROM plan_tasks t
JOIN incident_board b ON b.incident_id = t.incident_id
WHERE b.status <> 'Closed'
  AND t.is_exercise = 0
  AND t.status IN ('Assigned', 'Acknowledged', 'InProgress')
  AND t.due_at <= @Now
  AND NOT EXISTS (SELECT 1 FROM alert_inbox a WHERE a.incident_id = t.incident_id AND a.agency = t.agency AND a.revoked_position IS NOT NULL)
ORDER BY t.due_at, t.position;
