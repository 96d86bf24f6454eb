-- The joint committee's follow-up. Each improvement item as its stream now has it (folded from the stream), with how
-- far the alerting of an overdue item has gone for its due date (0 nothing yet, 1 the owner agency alerted, 2 reminded,
-- 3 to 5 escalation levels 1 to 3). An item's owner agency sees its stream from the recording on, through the audience
-- the log keeps for streams that are not incidents (risk_review_audience).
CREATE TABLE dbo.improvement_items (
    item_id uniqueidentifier NOT NULL,
    owner_agency nvarchar(40) NOT NULL,
    action_ar nvarchar(1000) NOT NULL,
    action_en nvarchar(1000) NOT NULL,
    due_date nvarchar(10) NOT NULL,
    due_at bigint NOT NULL,
    source nvarchar(20) NOT NULL,
    source_id uniqueidentifier NULL,
    status nvarchar(10) NOT NULL,
    note nvarchar(1000) NULL,
    recorded_by nvarchar(100) NOT NULL,
    recorded_at bigint NOT NULL,
    completed_by nvarchar(100) NULL,
    completed_at bigint NULL,
    position bigint NOT NULL,
    step int NOT NULL,
    CONSTRAINT pk_improvement_items PRIMARY KEY (item_id)
);
GO
-- The escalation scan reads the open items whose next step has fallen due; the after-action report reads an exercise's.
CREATE INDEX ix_improvement_items_due ON dbo.improvement_items (status, step, due_at);
GO
CREATE INDEX ix_improvement_items_source ON dbo.improvement_items (source_id);
GO
-- Each coordination meeting as it was recorded (the whole meeting as JSON: it is read whole).
CREATE TABLE dbo.coordination_meetings (
    meeting_id uniqueidentifier NOT NULL,
    held_on nvarchar(10) NOT NULL,
    recorded_by nvarchar(100) NOT NULL,
    recorded_at bigint NOT NULL,
    position bigint NOT NULL,
    data nvarchar(max) NOT NULL,
    CONSTRAINT pk_coordination_meetings PRIMARY KEY (meeting_id)
);
GO
