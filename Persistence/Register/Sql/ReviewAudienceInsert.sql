-- The agency sees the risk's stream from its first overdue-review alert on; later alerts leave that position alone.
INSERT INTO risk_review_audience (risk_id, agency, position)
SELECT @RiskId, @Agency, @Position
WHERE NOT EXISTS (SELECT 1 FROM risk_review_audience WHERE risk_id = @RiskId AND agency = @Agency);
