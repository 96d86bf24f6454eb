INSERT INTO incident_timeline (position, incident_id, version, type, actor, agency, summary, recorded_at, is_exercise)
VALUES (@Position, @IncidentId, @Version, @Type, @Actor, @Agency, @Summary, @RecordedAt, @IsExercise);
