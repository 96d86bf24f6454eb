SELECT risk_id AS RiskId, version AS Version, position AS Position, recorded_at AS RecordedAt, changed_by AS ChangedBy, reason AS Reason, data AS Data,
       source_exercise_id AS SourceExerciseId, source_finding_id AS SourceFindingId
FROM risk_versions
WHERE risk_id = @RiskId
ORDER BY version;
