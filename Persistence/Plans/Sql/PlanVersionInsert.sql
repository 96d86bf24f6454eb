INSERT INTO plan_versions (plan_id, version, position, recorded_at, code, changed_by, reason, data)
VALUES (@PlanId, @Version, @Position, @RecordedAt, @Code, @ChangedBy, @Reason, @Data);
