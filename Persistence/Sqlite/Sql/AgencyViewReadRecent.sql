-- AgencyViewRead over a short range (a client catching up after a dropped link): the same entries, read from the log's
-- range outward. CROSS JOIN keeps SQLite's loop on the range instead of on every alert the agency ever had, which is
-- what a reconnecting crowd on a long log would otherwise pay each.
SELECT e.position, e.incident_id, e.version, e.event_id, e.type, e.data, e.metadata, e.recorded_at, e.prev_hash, e.hash
FROM event_log e
CROSS JOIN alert_inbox a
WHERE e.position > @After
  AND e.position <= @Until
  AND a.incident_id = e.incident_id
  AND a.agency = @Agency
  AND e.position >= a.position
  AND (a.revoked_position IS NULL OR e.position < a.revoked_position)
  AND NOT EXISTS (SELECT 1 FROM task_entry_agencies t WHERE t.position = e.position AND t.agency <> @Agency)
UNION ALL
SELECT e.position, e.incident_id, e.version, e.event_id, e.type, e.data, e.metadata, e.recorded_at, e.prev_hash, e.hash
FROM event_log e
CROSS JOIN risk_review_audience r
WHERE e.position > @After
  AND e.position <= @Until
  AND r.risk_id = e.incident_id
  AND r.agency = @Agency
  AND e.position >= r.position
ORDER BY 1
LIMIT @Limit;
