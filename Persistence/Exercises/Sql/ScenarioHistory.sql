SELECT scenario_id AS ScenarioId, version AS Version, position AS Position, recorded_at AS RecordedAt, code AS Code, changed_by AS ChangedBy, reason AS Reason, data AS Data
FROM scenario_versions
WHERE scenario_id = @ScenarioId
ORDER BY version;
