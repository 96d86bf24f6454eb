INSERT INTO risk_versions (risk_id, version, position, recorded_at, changed_by, reason, data)
VALUES (@RiskId, @Version, @Position, @RecordedAt, @ChangedBy, @Reason, @Data);
