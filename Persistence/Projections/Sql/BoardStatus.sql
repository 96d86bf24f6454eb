SELECT status
FROM incident_board
WHERE incident_id = @IncidentId;
