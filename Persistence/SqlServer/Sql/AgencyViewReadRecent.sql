-- AgencyViewRead over a short range (a client catching up after a dropped link): the same entries, written from the
-- log's range outward. SQL Server orders the join itself; as a statement of its own it keeps a plan compiled for a
-- short range, apart from the whole-history one.
SELECT TOP (@Limit) v.position, v.incident_id, v.version, v.event_id, v.type, v.data, v.metadata, v.recorded_at, v.prev_hash, v.hash
FROM (
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
) v
ORDER BY v.position;
