-- Clearances of restricted incidents change after the report: an agency whose clearance is revoked keeps its alert
-- row, marked with the position of the change, and sees the incident's entries only before it.
ALTER TABLE alert_inbox ADD COLUMN revoked_position INTEGER NULL;
