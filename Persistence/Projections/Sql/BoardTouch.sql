-- Every entry of an incident moves its board row to that entry's version and position.
UPDATE incident_board
SET version = @Version,
    last_position = @LastPosition,
    updated_at = @UpdatedAt,
    severity = COALESCE(@Severity, severity),
    status = COALESCE(@Status, status),
    alerts_raised = alerts_raised + @AlertsRaised,
    alerts_acknowledged = alerts_acknowledged + @AlertsAcknowledged
WHERE incident_id = @IncidentId;
