-- Projections of the log, written in the same transaction as the append; rebuildable at any time.
CREATE TABLE dbo.incident_board (
    incident_id uniqueidentifier NOT NULL CONSTRAINT pk_incident_board PRIMARY KEY,
    reference nvarchar(40) NOT NULL,
    hazard nvarchar(40) NOT NULL,
    category nvarchar(20) NOT NULL,
    severity nvarchar(20) NOT NULL,
    urgency nvarchar(20) NOT NULL,
    certainty nvarchar(20) NOT NULL,
    title nvarchar(400) NOT NULL,
    description nvarchar(max) NULL,
    district nvarchar(40) NOT NULL,
    municipality nvarchar(200) NULL,
    latitude float NULL,
    longitude float NULL,
    status nvarchar(20) NOT NULL,
    classification nvarchar(20) NOT NULL,
    cleared_agencies nvarchar(max) NOT NULL,
    is_exercise bit NOT NULL,
    reported_by nvarchar(100) NOT NULL,
    reported_at bigint NOT NULL,
    occurred_at bigint NULL,
    updated_at bigint NOT NULL,
    version int NOT NULL,
    last_position bigint NOT NULL,
    alerts_raised int NOT NULL,
    alerts_acknowledged int NOT NULL
);
GO
CREATE INDEX ix_incident_board_position ON dbo.incident_board (last_position);
GO
CREATE TABLE dbo.alert_inbox (
    incident_id uniqueidentifier NOT NULL,
    agency nvarchar(40) NOT NULL,
    alert_event_id uniqueidentifier NOT NULL,
    hazard nvarchar(40) NOT NULL,
    severity nvarchar(20) NOT NULL,
    district nvarchar(40) NOT NULL,
    title nvarchar(400) NOT NULL,
    rule_id nvarchar(100) NOT NULL,
    alerted_at bigint NOT NULL,
    acknowledge_by bigint NOT NULL,
    acknowledged_at bigint NULL,
    acknowledged_by nvarchar(100) NULL,
    is_exercise bit NOT NULL,
    position bigint NOT NULL,
    CONSTRAINT pk_alert_inbox PRIMARY KEY (incident_id, agency)
);
GO
CREATE INDEX ix_alert_inbox_agency ON dbo.alert_inbox (agency, position);
GO
CREATE TABLE dbo.incident_timeline (
    position bigint NOT NULL CONSTRAINT pk_incident_timeline PRIMARY KEY,
    incident_id uniqueidentifier NOT NULL,
    version int NOT NULL,
    type nvarchar(100) NOT NULL,
    actor nvarchar(100) NOT NULL,
    agency nvarchar(40) NOT NULL,
    summary nvarchar(max) NOT NULL,
    recorded_at bigint NOT NULL,
    is_exercise bit NOT NULL
);
GO
CREATE INDEX ix_incident_timeline_incident ON dbo.incident_timeline (incident_id, version);
GO
CREATE TABLE dbo.relay_checkpoints (
    name nvarchar(100) NOT NULL CONSTRAINT pk_relay_checkpoints PRIMARY KEY,
    position bigint NOT NULL
);
GO
