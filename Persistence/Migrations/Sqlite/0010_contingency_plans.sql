-- Contingency plans: every version of every plan, folded from the plans' streams of the log (each entry the whole
-- plan), so the library now and any plan's history are one query each.
CREATE TABLE plan_versions (
    plan_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    position INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL,
    code TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    reason TEXT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (plan_id, version)
);
