-- An overdue review's alert, reminder or escalation: how far its alerting has gone for that review date.
UPDATE risk_reviews
SET step = @Step
WHERE risk_id = @RiskId AND next_review = @NextReview AND step < @Step;
