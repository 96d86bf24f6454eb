-- Clearances of restricted incidents change after the report: an agency whose clearance is revoked keeps its alert
-- row, marked with the position of the change, and sees the incident's entries only before it.
ALTER TABLE dbo.alert_inbox ADD revoked_position bigint NULL;
GO
