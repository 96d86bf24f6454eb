-- After-action: a risk's version made by accepting an exercise finding's re-score names that finding, so the risk's
-- history shows where the change came from; and every decision on a finding's proposal is kept by the risk or plan it
-- is about, so a plan's history shows the changes exercises proposed and what was decided. Both folded from the log.
ALTER TABLE dbo.risk_versions ADD source_exercise_id uniqueidentifier NULL, source_finding_id uniqueidentifier NULL;
GO
CREATE TABLE dbo.proposal_decisions (
    position bigint NOT NULL,
    target_id uniqueidentifier NOT NULL,
    exercise_id uniqueidentifier NOT NULL,
    finding_id uniqueidentifier NOT NULL,
    accepted bit NOT NULL,
    reason nvarchar(1000) NOT NULL,
    decided_by nvarchar(100) NOT NULL,
    decided_at bigint NOT NULL,
    CONSTRAINT pk_proposal_decisions PRIMARY KEY (position)
);
GO
CREATE INDEX ix_proposal_decisions_target ON dbo.proposal_decisions (target_id);
GO
