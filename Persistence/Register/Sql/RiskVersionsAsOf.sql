-- Each risk's latest version recorded at or before @AsOf (milliseconds since 1970).
SELECT v.risk_id AS RiskId, v.version AS Version, v.position AS Position, v.recorded_at AS RecordedAt, v.changed_by AS ChangedBy, v.reason AS Reason, v.data AS Data
FROM risk_versions v
WHERE v.recorded_at <= @AsOf
  AND v.version = (SELECT MAX(l.version) FROM risk_versions l WHERE l.risk_id = v.risk_id AND l.recorded_at <= @AsOf)
ORDER BY v.risk_id;
