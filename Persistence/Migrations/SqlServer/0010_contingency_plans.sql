-- Contingency plans: every version of every plan (folded from the plans' streams of the log, each entry the whole
-- plan), the plans activated on each incident, and their tasks with where each stands, for an incident's task
-- board and for escalating the overdue ones.
CREATE TABLE dbo.plan_versions (
    plan_id uniqueidentifier NOT NULL,
    version int NOT NULL,
    position bigint NOT NULL,
    recorded_at bigint NOT NULL,
    code nvarchar(60) NOT NULL,
    changed_by nvarchar(100) NOT NULL,
    reason nvarchar(1000) NULL,
    data nvarchar(max) NOT NULL,
    CONSTRAINT pk_plan_versions PRIMARY KEY (plan_id, version)
);
GO
-- One row per plan per incident: a plan is activated on an incident at most once.
CREATE TABLE dbo.plan_activations (
    incident_id uniqueidentifier NOT NULL,
    plan_code nvarchar(60) NOT NULL,
    plan_id uniqueidentifier NOT NULL,
    plan_version int NOT NULL,
    title_ar nvarchar(400) NOT NULL,
    title_en nvarchar(400) NOT NULL,
    trigger_kind nvarchar(20) NOT NULL,
    activated_by nvarchar(100) NOT NULL,
    activated_at bigint NOT NULL,
    reason nvarchar(1000) NULL,
    position bigint NOT NULL,
    stood_down_at bigint NULL,
    stood_down_by nvarchar(100) NULL,
    stand_down_reason nvarchar(1000) NULL,
    CONSTRAINT pk_plan_activations PRIMARY KEY (incident_id, plan_code)
);
GO
CREATE TABLE dbo.plan_tasks (
    incident_id uniqueidentifier NOT NULL,
    plan_code nvarchar(60) NOT NULL,
    task_id nvarchar(40) NOT NULL,
    agency nvarchar(40) NOT NULL,
    assigned_event_id uniqueidentifier NOT NULL,
    title_ar nvarchar(400) NOT NULL,
    title_en nvarchar(400) NOT NULL,
    checklist nvarchar(max) NOT NULL,
    capability nvarchar(60) NULL,
    quantity int NULL,
    assigned_at bigint NOT NULL,
    due_at bigint NOT NULL,
    status nvarchar(20) NOT NULL,
    acknowledged_at bigint NULL,
    acknowledged_by nvarchar(100) NULL,
    last_note nvarchar(1000) NULL,
    last_note_at bigint NULL,
    last_note_by nvarchar(100) NULL,
    completed_at bigint NULL,
    completed_by nvarchar(100) NULL,
    escalation_level int NOT NULL,
    is_exercise bit NOT NULL,
    position bigint NOT NULL,
    CONSTRAINT pk_plan_tasks PRIMARY KEY (incident_id, plan_code, task_id)
);
GO
-- The escalation scan reads the open tasks whose due time has passed.
CREATE INDEX ix_plan_tasks_open ON dbo.plan_tasks (status, due_at);
GO
