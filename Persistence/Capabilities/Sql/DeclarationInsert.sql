INSERT INTO capability_declarations (agency, version, position, recorded_at, declared_by, reason, is_sample, holdings)
VALUES (@Agency, @Version, @Position, @RecordedAt, @DeclaredBy, @Reason, @IsSample, @Holdings);
