-- Each scenario at its latest version: the library as it stands.
SELECT v.scenario_id AS ScenarioId, v.version AS Version, v.position AS Position, v.recorded_at AS RecordedAt, v.code AS Code, v.changed_by AS ChangedBy, v.reason AS Reason, v.data AS Data
FROM scenario_versions v
WHERE v.version = (SELECT MAX(l.version) FROM scenario_versions l WHERE l.scenario_id = v.scenario_id)
ORDER BY v.code;
