-- Alerts of open incidents whose next step has fallen due by @Now (Unix ms): the next escalation of an
-- unacknowledged alert (its deadline plus one step interval per level already reached), or the next
-- reminder after an acknowledgement (its last activity plus one reminder interval per reminder, counting
-- this one). Filtered here, not in the scanner: a disaster leaves thousands of alerts open, and the scan
-- runs every few seconds. An alert whose clearance was revoked is left alone: its agency no longer sees the incident.
-- The incident's exercise goes with each alert, so its escalations carry it as every entry of an exercise does.
-- Read from the open incidents (ix_incident_board_open; CROSS JOIN keeps SQLite's loop there): read from the alerts,
-- every alert a closed incident left unanswered was visited at every scan, a year's log made it 0.4 s each time.
SELECT a.*, b.exercise_id AS ExerciseId
FROM incident_board b
CROSS JOIN alert_inbox a
WHERE b.status <> 'Closed'
  AND a.incident_id = b.incident_id
  AND a.revoked_position IS NULL
  AND ((a.acknowledged_at IS NULL AND a.escalation_level < 3
        AND a.acknowledge_by + (a.escalation_level * @StepMilliseconds) <= @Now)
    OR (a.acknowledged_at IS NOT NULL AND a.last_activity_at IS NOT NULL
        AND a.last_activity_at + ((a.reminders_sent + 1) * @ReminderMilliseconds) <= @Now));
