SELECT b.*
FROM incident_board b
WHERE (@Status IS NULL OR b.status = @Status)
  AND (@Hazard IS NULL OR b.hazard = @Hazard)
  AND (@District IS NULL OR b.district = @District)
  AND (@Agency IS NULL OR EXISTS (SELECT 1 FROM alert_inbox a WHERE a.incident_id = b.incident_id AND a.agency = @Agency AND a.revoked_position IS NULL))
ORDER BY b.last_position DESC;
