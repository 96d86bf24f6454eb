-- The last entry an agency sees with @After < position <= @Through, by the same rules as AgencyViewPrevious, read from
-- the log's range outward: CROSS JOIN keeps SQLite's loop on the range (a few pages of new entries) instead of on every
-- alert the agency ever had, which is what makes this cheap however long the log; SQL Server orders the join itself.
SELECT COALESCE(MAX(v.position), 0)
FROM (
    SELECT MAX(e.position) AS position
    FROM event_log e
    CROSS JOIN alert_inbox a
    WHERE e.position > @After
      AND e.position <= @Through
      AND a.incident_id = e.incident_id
      AND a.agency = @Agency
      AND e.position >= a.position
      AND (a.revoked_position IS NULL OR e.position < a.revoked_position)
      AND NOT EXISTS (SELECT 1 FROM task_entry_agencies t WHERE t.position = e.position AND t.agency <> @Agency)
    UNION ALL
    SELECT MAX(e.position) AS position
    FROM event_log e
    CROSS JOIN risk_review_audience r
    WHERE e.position > @After
      AND e.position <= @Through
      AND r.risk_id = e.incident_id
      AND r.agency = @Agency
      AND e.position >= r.position
) v;
