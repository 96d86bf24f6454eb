INSERT INTO proposal_decisions (position, target_id, exercise_id, finding_id, accepted, reason, decided_by, decided_at)
VALUES (@Position, @TargetId, @ExerciseId, @FindingId, @Accepted, @Reason, @DecidedBy, @DecidedAt);
