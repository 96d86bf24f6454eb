-- Who is cleared for a restricted incident, after a change of its clearance.
UPDATE incident_board
SET cleared_agencies = @ClearedAgencies
WHERE incident_id = @IncidentId;
