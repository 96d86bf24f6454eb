SELECT position AS Position, target_id AS TargetId, exercise_id AS ExerciseId, finding_id AS FindingId, accepted AS Accepted, reason AS Reason,
       decided_by AS DecidedBy, decided_at AS DecidedAt
FROM proposal_decisions
WHERE target_id = @TargetId
ORDER BY position DESC;
