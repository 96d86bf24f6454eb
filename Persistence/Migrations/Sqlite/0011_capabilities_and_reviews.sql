-- Capabilities and overdue reviews. Every declaration of what an agency holds (the whole list each time), folded
-- from the agency's own capabilities stream, so what it holds now is its latest version.
CREATE TABLE capability_declarations (
    agency TEXT NOT NULL,
    version INTEGER NOT NULL,
    position INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL,
    declared_by TEXT NOT NULL,
    reason TEXT NULL,
    is_sample INTEGER NOT NULL,
    holdings TEXT NOT NULL,
    PRIMARY KEY (agency, version)
);

-- Each risk's next review as its latest version has it, and how far the alerting of an overdue review has gone for
-- that date (0 nothing yet, 1 the lead agency alerted, 2 reminded, 3 to 5 escalation levels 1 to 3).
CREATE TABLE risk_reviews (
    risk_id TEXT NOT NULL PRIMARY KEY,
    code TEXT NOT NULL,
    title_ar TEXT NOT NULL,
    title_en TEXT NOT NULL,
    lead_agency TEXT NOT NULL,
    next_review TEXT NOT NULL,
    due_at INTEGER NOT NULL,
    is_sample INTEGER NOT NULL,
    step INTEGER NOT NULL
);

-- The escalation scan reads the reviews whose next step has fallen due.
CREATE INDEX ix_risk_reviews_due ON risk_reviews (step, due_at);

-- An agency sees a risk's stream from the first overdue review it was alerted to, as it sees an incident from its alert.
CREATE TABLE risk_review_audience (
    risk_id TEXT NOT NULL,
    agency TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (risk_id, agency)
);

CREATE INDEX ix_risk_review_audience_agency ON risk_review_audience (agency, position);

-- The risks already in the register, each at its latest version: their reviews are alerted from now on too.
INSERT INTO risk_reviews (risk_id, code, title_ar, title_en, lead_agency, next_review, due_at, is_sample, step)
SELECT v.risk_id, json_extract(v.data, '$.code'), json_extract(v.data, '$.titleAr'), json_extract(v.data, '$.titleEn'),
       json_extract(v.data, '$.leadAgency'), json_extract(v.data, '$.nextReview'),
       CAST(strftime('%s', json_extract(v.data, '$.nextReview'), '+1 day') AS INTEGER) * 1000,
       CASE WHEN json_extract(v.data, '$.isSample') THEN 1 ELSE 0 END, 0
FROM risk_versions v
WHERE v.version = (SELECT MAX(l.version) FROM risk_versions l WHERE l.risk_id = v.risk_id);
