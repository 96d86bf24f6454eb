-- Reviews whose next alerting step has fallen due by @Now (Unix ms): step k+1 falls due k step intervals after the
-- day the review became overdue. Sample risks are flagged, never alerted: they are nobody's duty.
SELECT risk_id AS RiskId, code AS Code, title_ar AS TitleAr, title_en AS TitleEn, lead_agency AS LeadAgency, next_review AS NextReview, due_at AS DueAt, step AS Step
FROM risk_reviews
WHERE is_sample = 0
  AND step < 5
  AND due_at + (step * @StepMilliseconds) <= @Now;
