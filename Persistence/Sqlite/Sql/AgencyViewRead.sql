-- An agency's entries: each incident from its alert on (until a revoke of its clearance; of a plan's task entries only its own agency's), and each risk from the first overdue review it was alerted to.
SELECT e.position, e.incident_id, e.version, e.event_id, e.type, e.data, e.metadata, e.recorded_at, e.prev_hash, e.hash
FROM alert_inbox a
JOIN event_log e ON e.incident_id = a.incident_id
WHERE a.agency = @Agency
  AND e.position >= a.position
  AND (a.revoked_position IS NULL OR e.position < a.revoked_position)
  AND NOT EXISTS (SELECT 1 FROM task_entry_agencies t WHERE t.position = e.position AND t.agency <> @Agency)
  AND e.position > @After
  AND e.position <= @Until
UNION ALL
SELECT e.position, e.incident_id, e.version, e.event_id, e.type, e.data, e.metadata, e.recorded_at, e.prev_hash, e.hash
FROM risk_review_audience r
JOIN event_log e ON e.incident_id = r.risk_id
WHERE r.agency = @Agency
  AND e.position >= r.position
  AND e.position > @After
  AND e.position <= @Until
ORDER BY 1
LIMIT @Limit;
