-- Alerts of open incidents that may still need an escalation or a reminder.
SELECT a.*
FROM alert_inbox a
JOIN incident_board b ON b.incident_id = a.incident_id
WHERE b.status <> 'Closed'
  AND ((a.acknowledged_at IS NULL AND a.escalation_level < 3) OR a.acknowledged_at IS NOT NULL);
