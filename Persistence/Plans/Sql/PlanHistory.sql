SELECT plan_id AS PlanId, version AS Version, position AS Position, recorded_at AS RecordedAt, code AS Code, changed_by AS ChangedBy, reason AS Reason, data AS Data
FROM plan_versions
WHERE plan_id = @PlanId
ORDER BY version;
