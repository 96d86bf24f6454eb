-- An agency's alerts; one whose clearance was revoked is not the agency's any more.
SELECT *
FROM alert_inbox
WHERE agency = @Agency AND revoked_position IS NULL
ORDER BY position DESC;
