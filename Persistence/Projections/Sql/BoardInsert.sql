INSERT INTO incident_board (
    incident_id, reference, hazard, category, severity, urgency, certainty, title, description,
    district, municipality, latitude, longitude, status, classification, cleared_agencies, is_exercise, exercise_id, exercise_participants,
    reported_by, reported_at, occurred_at, updated_at, version, last_position, alerts_raised, alerts_acknowledged)
VALUES (
    @IncidentId, @Reference, @Hazard, @Category, @Severity, @Urgency, @Certainty, @Title, @Description,
    @District, @Municipality, @Latitude, @Longitude, @Status, @Classification, @ClearedAgencies, @IsExercise, @ExerciseId, @ExerciseParticipants,
    @ReportedBy, @ReportedAt, @OccurredAt, @UpdatedAt, @Version, @LastPosition, 0, 0);
