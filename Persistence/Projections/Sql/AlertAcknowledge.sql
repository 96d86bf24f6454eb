UPDATE alert_inbox
SET acknowledged_at = @AcknowledgedAt,
    acknowledged_by = @AcknowledgedBy,
    acknowledged_position = @Position,
    last_activity_at = @AcknowledgedAt,
    last_activity_position = @Position,
    reminders_sent = 0
WHERE incident_id = @IncidentId AND agency = @Agency AND acknowledged_at IS NULL;
