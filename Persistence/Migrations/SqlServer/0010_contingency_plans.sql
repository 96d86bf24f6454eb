-- Contingency plans: every version of every plan, folded from the plans' streams of the log (each entry the whole
-- plan), so the library now and any plan's history are one query each.
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
