-- How many alerts of open incidents each agency has not acknowledged yet: the agency board's "waiting" count.
SELECT a.agency AS Agency, COUNT(*) AS Waiting
FROM alert_inbox a
JOIN incident_board b ON b.incident_id = a.incident_id
WHERE b.status <> 'Closed'
  AND a.acknowledged_at IS NULL
GROUP BY a.agency;
