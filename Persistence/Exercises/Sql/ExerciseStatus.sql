-- A pause, resume, abort or completion: where the exercise stands now (an end also records when it ended).
UPDATE exercises
SET status = @Status, ended_at = @EndedAt, last_position = @Position
WHERE exercise_id = @ExerciseId;
