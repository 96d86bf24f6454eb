SELECT risk_id AS RiskId, code AS Code, title_ar AS TitleAr, title_en AS TitleEn, lead_agency AS LeadAgency, next_review AS NextReview, due_at AS DueAt, step AS Step
FROM risk_reviews
WHERE risk_id = @RiskId;
