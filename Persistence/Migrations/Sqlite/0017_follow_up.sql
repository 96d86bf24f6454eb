-- The joint committee's follow-up. Each improvement item as its stream now has it (folded from the stream), with how
-- far the alerting of an overdue item has gone for its due date (0 nothing yet, 1 the owner agency alerted, 2 reminded,
-- 3 to 5 escalation levels 1 to 3). An item's owner agency sees its stream from the recording on, through the audience
-- the log keeps for streams that are not incidents (risk_review_audience).
CREATE TABLE improvement_items (
    item_id TEXT NOT NULL PRIMARY KEY,
    owner_agency TEXT NOT NULL,
    action_ar TEXT NOT NULL,
    action_en TEXT NOT NULL,
    due_date TEXT NOT NULL,
    due_at INTEGER NOT NULL,
    source TEXT NOT NULL,
    source_id TEXT NULL,
    status TEXT NOT NULL,
    note TEXT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at INTEGER NOT NULL,
    completed_by TEXT NULL,
    completed_at INTEGER NULL,
    position INTEGER NOT NULL,
    step INTEGER NOT NULL
);

-- The escalation scan reads the open items whose next step has fallen due; the after-action report reads an exercise's.
CREATE INDEX ix_improvement_items_due ON improvement_items (status, step, due_at);
CREATE INDEX ix_improvement_items_source ON improvement_items (source_id);

-- Each coordination meeting as it was recorded (the whole meeting as JSON: it is read whole).
CREATE TABLE coordination_meetings (
    meeting_id TEXT NOT NULL PRIMARY KEY,
    held_on TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at INTEGER NOT NULL,
    position INTEGER NOT NULL,
    data TEXT NOT NULL
);
