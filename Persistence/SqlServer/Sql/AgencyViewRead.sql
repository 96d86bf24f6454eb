SELECT TOP (@Limit) e.position, e.incident_id, e.version, e.event_id, e.type, e.data, e.metadata, e.recorded_at, e.prev_hash, e.hash
FROM alert_inbox a
JOIN event_log e ON e.incident_id = a.incident_id
WHERE a.agency = @Agency
  AND e.position >= a.position
  AND (a.revoked_position IS NULL OR e.position < a.revoked_position)
  AND e.position > @After
  AND e.position <= @Until
ORDER BY e.position;
