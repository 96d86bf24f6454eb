UPDATE alert_inbox
SET reminders_sent = @Reminder
WHERE incident_id = @IncidentId AND agency = @Agency AND reminders_sent < @Reminder;
