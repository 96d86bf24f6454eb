-- A revoked clearance: the agency sees the incident's entries before this position only.
UPDATE alert_inbox
SET revoked_position = @Position
WHERE incident_id = @IncidentId AND agency = @Agency AND revoked_position IS NULL;
