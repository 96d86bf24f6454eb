UPDATE alert_inbox
SET escalation_level = @Level
WHERE incident_id = @IncidentId AND agency = @Agency AND escalation_level < @Level;
