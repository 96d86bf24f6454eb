-- Every exercise, the latest started first.
SELECT exercise_id AS ExerciseId, scenario_id AS ScenarioId, scenario_code AS ScenarioCode, scenario_version AS ScenarioVersion,
    title_ar AS TitleAr, title_en AS TitleEn, speed AS Speed, status AS Status, started_by AS StartedBy, started_at AS StartedAt,
    ended_at AS EndedAt, injects_fired AS InjectsFired, position AS Position, last_position AS LastPosition
FROM exercises
ORDER BY position DESC;
