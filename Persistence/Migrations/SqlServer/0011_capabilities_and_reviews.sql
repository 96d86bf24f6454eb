-- Capabilities and overdue reviews. Every declaration of what an agency holds (the whole list each time), folded
-- from the agency's own capabilities stream, so what it holds now is its latest version.
CREATE TABLE dbo.capability_declarations (
    agency nvarchar(40) NOT NULL,
    version int NOT NULL,
    position bigint NOT NULL,
    recorded_at bigint NOT NULL,
    declared_by nvarchar(100) NOT NULL,
    reason nvarchar(1000) NULL,
    is_sample bit NOT NULL,
    holdings nvarchar(max) NOT NULL,
    CONSTRAINT pk_capability_declarations PRIMARY KEY (agency, version)
);
GO
-- Each risk's next review as its latest version has it, and how far the alerting of an overdue review has gone for
-- that date (0 nothing yet, 1 the lead agency alerted, 2 reminded, 3 to 5 escalation levels 1 to 3).
CREATE TABLE dbo.risk_reviews (
    risk_id uniqueidentifier NOT NULL,
    code nvarchar(60) NOT NULL,
    title_ar nvarchar(400) NOT NULL,
    title_en nvarchar(400) NOT NULL,
    lead_agency nvarchar(40) NOT NULL,
    next_review nvarchar(10) NOT NULL,
    due_at bigint NOT NULL,
    is_sample bit NOT NULL,
    step int NOT NULL,
    CONSTRAINT pk_risk_reviews PRIMARY KEY (risk_id)
);
GO
-- The escalation scan reads the reviews whose next step has fallen due.
CREATE INDEX ix_risk_reviews_due ON dbo.risk_reviews (step, due_at);
GO
-- An agency sees a risk's stream from the first overdue review it was alerted to, as it sees an incident from its alert.
CREATE TABLE dbo.risk_review_audience (
    risk_id uniqueidentifier NOT NULL,
    agency nvarchar(40) NOT NULL,
    position bigint NOT NULL,
    CONSTRAINT pk_risk_review_audience PRIMARY KEY (risk_id, agency)
);
GO
CREATE INDEX ix_risk_review_audience_agency ON dbo.risk_review_audience (agency, position);
GO
-- The risks already in the register, each at its latest version: their reviews are alerted from now on too.
INSERT INTO dbo.risk_reviews (risk_id, code, title_ar, title_en, lead_agency, next_review, due_at, is_sample, step)
SELECT v.risk_id, JSON_VALUE(v.data, '$.code'), JSON_VALUE(v.data, '$.titleAr'), JSON_VALUE(v.data, '$.titleEn'),
       JSON_VALUE(v.data, '$.leadAgency'), JSON_VALUE(v.data, '$.nextReview'),
       DATEDIFF_BIG(millisecond, CAST('1970-01-01' AS datetime2), DATEADD(day, 1, CAST(JSON_VALUE(v.data, '$.nextReview') AS datetime2))),
       CASE WHEN JSON_VALUE(v.data, '$.isSample') = 'true' THEN 1 ELSE 0 END, 0
FROM dbo.risk_versions v
WHERE v.version = (SELECT MAX(l.version) FROM dbo.risk_versions l WHERE l.risk_id = v.risk_id);
GO
