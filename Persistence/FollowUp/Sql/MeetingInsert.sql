INSERT INTO coordination_meetings (meeting_id, held_on, recorded_by, recorded_at, position, data)
VALUES (@MeetingId, @HeldOn, @RecordedBy, @RecordedAt, @Position, @Data);
