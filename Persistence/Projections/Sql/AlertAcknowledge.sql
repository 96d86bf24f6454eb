UPDATE alert_inbox
SET acknowledged_at = @AcknowledgedAt,
    acknowledged_by = @AcknowledgedBy
WHERE incident_id = @IncidentId AND agency = @Agency AND acknowledged_at IS NULL;
