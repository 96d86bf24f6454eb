-- A version of a risk: its review as that version has it. A new next-review date starts its alerting afresh; the
-- same date (a change of something else) keeps how far it has gone. Right-hand sides read the row as it was.
UPDATE risk_reviews
SET code = @Code, title_ar = @TitleAr, title_en = @TitleEn, lead_agency = @LeadAgency, is_sample = @IsSample,
    step = CASE WHEN next_review = @NextReview THEN step ELSE 0 END,
    next_review = @NextReview, due_at = @DueAt
WHERE risk_id = @RiskId;
