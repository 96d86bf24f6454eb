SELECT meeting_id AS MeetingId, held_on AS HeldOn, recorded_by AS RecordedBy, recorded_at AS RecordedAt, position AS Position, data AS Data
FROM coordination_meetings
WHERE meeting_id = @MeetingId;
