-- Who sees a stream and from which position: the agencies alerted to an incident, or the lead agencies alerted to a
-- risk's overdue review.
SELECT agency AS Agency, position AS Position FROM alert_inbox WHERE incident_id = @StreamId
UNION ALL
SELECT agency AS Agency, position AS Position FROM risk_review_audience WHERE risk_id = @StreamId;
