SELECT COALESCE(MAX(e.position), 0)
FROM alert_inbox a
JOIN event_log e ON e.incident_id = a.incident_id
WHERE a.agency = @Agency
  AND e.position >= a.position
  AND (a.revoked_position IS NULL OR e.position < a.revoked_position)
  AND e.position < @Position;
