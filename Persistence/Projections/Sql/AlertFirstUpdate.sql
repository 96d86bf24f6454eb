-- The agency's first update on the incident, for the time-to-first-update figure; later updates leave it be.
UPDATE alert_inbox
SET first_update_at = @At,
    first_update_position = @Position
WHERE incident_id = @IncidentId AND agency = @Agency AND first_update_at IS NULL;
