-- Evaluation: what the figures per period need, kept in the append like the rest, so a quarter's figures read the
-- alerts and tasks of the quarter through an index instead of scanning the log. Each alert keeps the positions of the
-- entries behind it (its acknowledgement, the agency's first update on the incident) for the drill-down, and each
-- task the position of its completion.
ALTER TABLE alert_inbox ADD COLUMN acknowledged_position INTEGER NULL;
ALTER TABLE alert_inbox ADD COLUMN first_update_at INTEGER NULL;
ALTER TABLE alert_inbox ADD COLUMN first_update_position INTEGER NULL;
ALTER TABLE plan_tasks ADD COLUMN completed_position INTEGER NULL;

-- Filled from the log for what it already holds; recorded_at is the time the projection keeps from now on too.
UPDATE alert_inbox
SET acknowledged_position = (
    SELECT MIN(e.position) FROM event_log e
    WHERE e.incident_id = alert_inbox.incident_id AND e.type = 'AlertAcknowledged'
      AND json_extract(e.data, '$.agency') = alert_inbox.agency)
WHERE acknowledged_at IS NOT NULL;

UPDATE alert_inbox
SET first_update_position = (
    SELECT MIN(e.position) FROM event_log e
    WHERE e.incident_id = alert_inbox.incident_id AND e.type = 'IncidentUpdated'
      AND json_extract(e.data, '$.agency') = alert_inbox.agency);

UPDATE alert_inbox
SET first_update_at = (SELECT e.recorded_at FROM event_log e WHERE e.position = alert_inbox.first_update_position)
WHERE first_update_position IS NOT NULL;

UPDATE plan_tasks
SET completed_position = (
    SELECT MIN(e.position) FROM event_log e
    WHERE e.incident_id = plan_tasks.incident_id AND e.type = 'TaskCompleted'
      AND json_extract(e.data, '$.planCode') = plan_tasks.plan_code
      AND json_extract(e.data, '$.taskId') = plan_tasks.task_id)
WHERE completed_at IS NOT NULL;

-- A period's real alerts or tasks, and an exercise's incidents.
CREATE INDEX ix_alert_inbox_period ON alert_inbox (is_exercise, alerted_at);
CREATE INDEX ix_plan_tasks_period ON plan_tasks (is_exercise, assigned_at);
CREATE INDEX ix_incident_board_exercise ON incident_board (exercise_id);
