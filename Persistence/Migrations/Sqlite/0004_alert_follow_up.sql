-- What escalation and reminders need, kept with each alert and folded from the log like the rest.
ALTER TABLE alert_inbox ADD COLUMN escalation_level INTEGER NOT NULL DEFAULT 0;
ALTER TABLE alert_inbox ADD COLUMN last_activity_at INTEGER NULL;
ALTER TABLE alert_inbox ADD COLUMN last_activity_position INTEGER NULL;
ALTER TABLE alert_inbox ADD COLUMN reminders_sent INTEGER NOT NULL DEFAULT 0;
