INSERT INTO scenario_versions (scenario_id, version, position, recorded_at, code, changed_by, reason, data)
VALUES (@ScenarioId, @Version, @Position, @RecordedAt, @Code, @ChangedBy, @Reason, @Data);
