INSERT INTO risk_versions (risk_id, version, position, recorded_at, changed_by, reason, data, source_exercise_id, source_finding_id)
VALUES (@RiskId, @Version, @Position, @RecordedAt, @ChangedBy, @Reason, @Data, @SourceExerciseId, @SourceFindingId);
