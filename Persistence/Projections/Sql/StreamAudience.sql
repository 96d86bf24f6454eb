-- Who sees a stream and from which position: the agencies alerted to an incident (until a revoke of their clearance,
-- when there was one), or the lead agencies alerted to a risk's overdue review.
SELECT agency AS Agency, position AS Position, revoked_position AS RevokedPosition FROM alert_inbox WHERE incident_id = @StreamId
UNION ALL
SELECT agency AS Agency, position AS Position, CAST(NULL AS BIGINT) AS RevokedPosition FROM risk_review_audience WHERE risk_id = @StreamId;
