INSERT INTO risk_reviews (risk_id, code, title_ar, title_en, lead_agency, next_review, due_at, is_sample, step)
VALUES (@RiskId, @Code, @TitleAr, @TitleEn, @LeadAgency, @NextReview, @DueAt, @IsSample, 0);
