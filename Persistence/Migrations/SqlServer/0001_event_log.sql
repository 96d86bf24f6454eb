-- The event log: the source of truth and the outbox. Append-only, hash-chained.
CREATE TABLE dbo.event_log (
    position bigint NOT NULL CONSTRAINT pk_event_log PRIMARY KEY CLUSTERED,
    incident_id uniqueidentifier NOT NULL,
    version int NOT NULL,
    event_id uniqueidentifier NOT NULL,
    type nvarchar(100) NOT NULL,
    data nvarchar(max) NOT NULL,
    metadata nvarchar(max) NOT NULL,
    recorded_at bigint NOT NULL,
    prev_hash varbinary(32) NOT NULL,
    hash varbinary(32) NOT NULL
);
GO
CREATE UNIQUE INDEX ux_event_log_event_id ON dbo.event_log (event_id);
GO
CREATE UNIQUE INDEX ux_event_log_incident_version ON dbo.event_log (incident_id, version);
GO
-- The database itself refuses to change history, whoever asks.
CREATE TRIGGER dbo.event_log_append_only ON dbo.event_log
INSTEAD OF UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    THROW 51000, N'event_log is append-only', 1;
END;
GO
-- The application's login needs INSERT and SELECT only; no role may rewrite the log.
DENY UPDATE, DELETE, ALTER ON dbo.event_log TO PUBLIC;
GO
