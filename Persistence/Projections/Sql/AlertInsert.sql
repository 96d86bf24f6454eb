INSERT INTO alert_inbox (
    incident_id, agency, alert_event_id, hazard, severity, district, title, rule_id,
    alerted_at, acknowledge_by, acknowledged_at, acknowledged_by, is_exercise, position)
VALUES (
    @IncidentId, @Agency, @AlertEventId, @Hazard, @Severity, @District, @Title, @RuleId,
    @AlertedAt, @AcknowledgeBy, NULL, NULL, @IsExercise, @Position);
