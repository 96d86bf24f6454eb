-- How many alerts of open incidents each agency has not acknowledged yet: the agency board's "waiting" count. Read
-- from the open incidents (ix_incident_board_open; CROSS JOIN keeps SQLite's loop there), never from every alert.
SELECT a.agency AS Agency, COUNT(*) AS Waiting
FROM incident_board b
CROSS JOIN alert_inbox a
WHERE b.status <> 'Closed'
  AND a.incident_id = b.incident_id
  AND a.acknowledged_at IS NULL
GROUP BY a.agency;
