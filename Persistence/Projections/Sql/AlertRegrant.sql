-- An agency cleared again after a revoke: its new alert takes the place of the old one, and it sees the incident
-- from the new alert on, as a newly cleared agency does.
UPDATE alert_inbox
SET alert_event_id = @AlertEventId,
    hazard = @Hazard,
    severity = @Severity,
    district = @District,
    title = @Title,
    rule_id = @RuleId,
    alerted_at = @AlertedAt,
    acknowledge_by = @AcknowledgeBy,
    acknowledged_at = NULL,
    acknowledged_by = NULL,
    is_exercise = @IsExercise,
    position = @Position,
    escalation_level = 0,
    last_activity_at = NULL,
    last_activity_position = NULL,
    reminders_sent = 0,
    revoked_position = NULL
WHERE incident_id = @IncidentId AND agency = @Agency AND revoked_position IS NOT NULL;
