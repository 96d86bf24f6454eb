-- An update from an alerted agency counts as that agency's activity on the incident.
UPDATE alert_inbox
SET last_activity_at = @At,
    last_activity_position = @Position,
    reminders_sent = 0
WHERE incident_id = @IncidentId AND agency = @Agency AND acknowledged_at IS NOT NULL;
