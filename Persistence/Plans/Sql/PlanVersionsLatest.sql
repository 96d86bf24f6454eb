-- Each plan at its latest version: the library as it stands.
SELECT v.plan_id AS PlanId, v.version AS Version, v.position AS Position, v.recorded_at AS RecordedAt, v.code AS Code, v.changed_by AS ChangedBy, v.reason AS Reason, v.data AS Data
FROM plan_versions v
WHERE v.version = (SELECT MAX(l.version) FROM plan_versions l WHERE l.plan_id = v.plan_id)
ORDER BY v.code;
