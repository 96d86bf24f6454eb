-- Projections of the log, written in the same transaction as the append; rebuildable at any time.
CREATE TABLE incident_board (
    incident_id TEXT NOT NULL PRIMARY KEY,
    reference TEXT NOT NULL,
    hazard TEXT NOT NULL,
    category TEXT NOT NULL,
    severity TEXT NOT NULL,
    urgency TEXT NOT NULL,
    certainty TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NULL,
    district TEXT NOT NULL,
    municipality TEXT NULL,
    latitude REAL NULL,
    longitude REAL NULL,
    status TEXT NOT NULL,
    classification TEXT NOT NULL,
    cleared_agencies TEXT NOT NULL,
    is_exercise INTEGER NOT NULL,
    reported_by TEXT NOT NULL,
    reported_at INTEGER NOT NULL,
    occurred_at INTEGER NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL,
    last_position INTEGER NOT NULL,
    alerts_raised INTEGER NOT NULL,
    alerts_acknowledged INTEGER NOT NULL
);

CREATE INDEX ix_incident_board_position ON incident_board (last_position);

CREATE TABLE alert_inbox (
    incident_id TEXT NOT NULL,
    agency TEXT NOT NULL,
    alert_event_id TEXT NOT NULL,
    hazard TEXT NOT NULL,
    severity TEXT NOT NULL,
    district TEXT NOT NULL,
    title TEXT NOT NULL,
    rule_id TEXT NOT NULL,
    alerted_at INTEGER NOT NULL,
    acknowledge_by INTEGER NOT NULL,
    acknowledged_at INTEGER NULL,
    acknowledged_by TEXT NULL,
    is_exercise INTEGER NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (incident_id, agency)
);

CREATE INDEX ix_alert_inbox_agency ON alert_inbox (agency, position);

CREATE TABLE incident_timeline (
    position INTEGER NOT NULL PRIMARY KEY,
    incident_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    type TEXT NOT NULL,
    actor TEXT NOT NULL,
    agency TEXT NOT NULL,
    summary TEXT NOT NULL,
    recorded_at INTEGER NOT NULL,
    is_exercise INTEGER NOT NULL
);

CREATE INDEX ix_incident_timeline_incident ON incident_timeline (incident_id, version);

CREATE TABLE relay_checkpoints (
    name TEXT NOT NULL PRIMARY KEY,
    position INTEGER NOT NULL
);
