-- The event log: the source of truth and the outbox. Append-only, hash-chained.
CREATE TABLE event_log (
    position INTEGER NOT NULL PRIMARY KEY,
    incident_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    metadata TEXT NOT NULL,
    recorded_at INTEGER NOT NULL,
    prev_hash BLOB NOT NULL,
    hash BLOB NOT NULL
);

CREATE UNIQUE INDEX ux_event_log_event_id ON event_log (event_id);
CREATE UNIQUE INDEX ux_event_log_incident_version ON event_log (incident_id, version);

-- The database itself refuses to change history.
CREATE TRIGGER event_log_no_update BEFORE UPDATE ON event_log
BEGIN
    SELECT RAISE(ABORT, 'event_log is append-only');
END;

CREATE TRIGGER event_log_no_delete BEFORE DELETE ON event_log
BEGIN
    SELECT RAISE(ABORT, 'event_log is append-only');
END;
