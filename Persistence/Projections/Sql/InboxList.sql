-- Alerts still waiting for acknowledgement first, then newest first: a liaison who connects (or reads with a
-- limit) sees what is owed before what is done.
SELECT *
FROM alert_inbox
WHERE agency = @Agency
ORDER BY CASE WHEN acknowledged_at IS NULL THEN 0 ELSE 1 END, position DESC;
