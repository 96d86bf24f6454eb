-- Contingency plans: every version of every plan (folded from the plans' streams of the log, each entry the whole
-- plan), the plans activated on each incident, and their tasks with where each stands, for an incident's task
-- board and for escalating the overdue ones.
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

-- One row per plan per incident: a plan is activated on an incident at most once.
CREATE TABLE plan_activations (
    incident_id TEXT NOT NULL,
    plan_code TEXT NOT NULL,
    plan_id TEXT NOT NULL,
    plan_version INTEGER NOT NULL,
    title_ar TEXT NOT NULL,
    title_en TEXT NOT NULL,
    trigger_kind TEXT NOT NULL,
    activated_by TEXT NOT NULL,
    activated_at INTEGER NOT NULL,
    reason TEXT NULL,
    position INTEGER NOT NULL,
    stood_down_at INTEGER NULL,
    stood_down_by TEXT NULL,
    stand_down_reason TEXT NULL,
    PRIMARY KEY (incident_id, plan_code)
);

CREATE TABLE plan_tasks (
    incident_id TEXT NOT NULL,
    plan_code TEXT NOT NULL,
    task_id TEXT NOT NULL,
    agency TEXT NOT NULL,
    assigned_event_id TEXT NOT NULL,
    title_ar TEXT NOT NULL,
    title_en TEXT NOT NULL,
    checklist TEXT NOT NULL,
    capability TEXT NULL,
    quantity INTEGER NULL,
    assigned_at INTEGER NOT NULL,
    due_at INTEGER NOT NULL,
    status TEXT NOT NULL,
    acknowledged_at INTEGER NULL,
    acknowledged_by TEXT NULL,
    last_note TEXT NULL,
    last_note_at INTEGER NULL,
    last_note_by TEXT NULL,
    completed_at INTEGER NULL,
    completed_by TEXT NULL,
    escalation_level INTEGER NOT NULL,
    is_exercise INTEGER NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (incident_id, plan_code, task_id)
);

-- The escalation scan reads the open tasks whose due time has passed.
CREATE INDEX ix_plan_tasks_open ON plan_tasks (status, due_at);
