UPDATE exercises
SET injects_fired = injects_fired + 1, last_position = @Position
WHERE exercise_id = @ExerciseId;
