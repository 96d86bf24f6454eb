-- When each listed incident was reported, from which its reference is derived.
SELECT incident_id, reported_at
FROM incident_board
WHERE incident_id IN @IncidentIds;
