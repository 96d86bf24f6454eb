-- Alerts still waiting for acknowledgement first, then newest first: a liaison who connects (or reads with a
-- limit) sees what is owed before what is done. One whose clearance was revoked is not the agency's any more.
SELECT *
FROM alert_inbox
WHERE agency = @Agency AND revoked_position IS NULL
ORDER BY CASE WHEN acknowledged_at IS NULL THEN 0 ELSE 1 END, position DESC;
