-- The last entry an agency sees before @Position: of its incidents, from each one's alert on (until a revoke of its clearance; of a plan's task entries only its own agency's), and of the risks whose
-- overdue reviews it was alerted to, from the first such alert on.
SELECT COALESCE(MAX(v.position), 0)
FROM (
    SELECT MAX(e.position) AS position
    FROM alert_inbox a
    JOIN event_log e ON e.incident_id = a.incident_id
    WHERE a.agency = @Agency
      AND e.position >= a.position
      AND (a.revoked_position IS NULL OR e.position < a.revoked_position)
      AND NOT EXISTS (SELECT 1 FROM task_entry_agencies t WHERE t.position = e.position AND t.agency <> @Agency)
      AND e.position < @Position
    UNION ALL
    SELECT MAX(e.position) AS position
    FROM risk_review_audience r
    JOIN event_log e ON e.incident_id = r.risk_id
    WHERE r.agency = @Agency
      AND e.position >= r.position
      AND e.position < @Position
) v;
