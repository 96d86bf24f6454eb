-- The restricted incidents, newest report first: what the clearances screen lists.
SELECT *
FROM incident_board
WHERE classification = 'Restricted'
ORDER BY reported_at DESC;
