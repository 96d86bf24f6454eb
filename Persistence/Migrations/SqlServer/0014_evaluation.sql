-- Evaluation: what the figures per period need, kept in the append like the rest, so a quarter's figures read the
-- alerts and tasks of the quarter through an index instead of scanning the log. Each alert keeps the positions of the
-- entries behind it (its acknowledgement, the agency's first update on the incident) for the drill-down, and each
-- task the position of its completion.
ALTER TABLE dbo.alert_inbox ADD acknowledged_position bigint NULL, first_update_at bigint NULL, first_update_position bigint NULL;
GO
ALTER TABLE dbo.plan_tasks ADD completed_position bigint NULL;
GO
-- Filled from the log for what it already holds; recorded_at is the time the projection keeps from now on too.
UPDATE dbo.alert_inbox
SET acknowledged_position = (
    SELECT MIN(e.position) FROM dbo.event_log e
    WHERE e.incident_id = dbo.alert_inbox.incident_id AND e.type = N'AlertAcknowledged'
      AND JSON_VALUE(e.data, '$.agency') = dbo.alert_inbox.agency)
WHERE acknowledged_at IS NOT NULL;
GO
UPDATE dbo.alert_inbox
SET first_update_position = (
    SELECT MIN(e.position) FROM dbo.event_log e
    WHERE e.incident_id = dbo.alert_inbox.incident_id AND e.type = N'IncidentUpdated'
      AND JSON_VALUE(e.data, '$.agency') = dbo.alert_inbox.agency);
GO
UPDATE dbo.alert_inbox
SET first_update_at = (SELECT e.recorded_at FROM dbo.event_log e WHERE e.position = dbo.alert_inbox.first_update_position)
WHERE first_update_position IS NOT NULL;
GO
UPDATE dbo.plan_tasks
SET completed_position = (
    SELECT MIN(e.position) FROM dbo.event_log e
    WHERE e.incident_id = dbo.plan_tasks.incident_id AND e.type = N'TaskCompleted'
      AND JSON_VALUE(e.data, '$.planCode') = dbo.plan_tasks.plan_code
      AND JSON_VALUE(e.data, '$.taskId') = dbo.plan_tasks.task_id)
WHERE completed_at IS NOT NULL;
GO
-- A period's real alerts or tasks, and an exercise's incidents.
CREATE INDEX ix_alert_inbox_period ON dbo.alert_inbox (is_exercise, alerted_at);
GO
CREATE INDEX ix_plan_tasks_period ON dbo.plan_tasks (is_exercise, assigned_at);
GO
CREATE INDEX ix_incident_board_exercise ON dbo.incident_board (exercise_id);
GO
