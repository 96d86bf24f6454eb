SELECT *
FROM alert_inbox
WHERE agency = @Agency
ORDER BY position DESC;
