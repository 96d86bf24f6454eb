-- After-action: a risk's version made by accepting an exercise finding's re-score names that finding, so the risk's
-- history shows where the change came from; and every decision on a finding's proposal is kept by the risk or plan it
-- is about, so a plan's history shows the changes exercises proposed and what was decided. Both folded from the log.
ALTER TABLE risk_versions ADD COLUMN source_exercise_id TEXT NULL;
ALTER TABLE risk_versions ADD COLUMN source_finding_id TEXT NULL;

CREATE TABLE proposal_decisions (
    position INTEGER NOT NULL PRIMARY KEY,
    target_id TEXT NOT NULL,
    exercise_id TEXT NOT NULL,
    finding_id TEXT NOT NULL,
    accepted INTEGER NOT NULL,
    reason TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    decided_at INTEGER NOT NULL
);

CREATE INDEX ix_proposal_decisions_target ON proposal_decisions (target_id);
