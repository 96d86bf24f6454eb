-- What escalation and reminders need, kept with each alert and folded from the log like the rest.
ALTER TABLE dbo.alert_inbox ADD
    escalation_level int NOT NULL CONSTRAINT df_alert_inbox_escalation_level DEFAULT 0,
    last_activity_at bigint NULL,
    last_activity_position bigint NULL,
    reminders_sent int NOT NULL CONSTRAINT df_alert_inbox_reminders_sent DEFAULT 0;
GO
