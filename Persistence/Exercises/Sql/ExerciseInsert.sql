INSERT INTO exercises (exercise_id, scenario_id, scenario_code, scenario_version, title_ar, title_en, speed, status, started_by, started_at,
    ended_at, injects_fired, position, last_position)
VALUES (@ExerciseId, @ScenarioId, @ScenarioCode, @ScenarioVersion, @TitleAr, @TitleEn, @Speed, 'Running', @StartedBy, @StartedAt,
    NULL, 0, @Position, @Position);
