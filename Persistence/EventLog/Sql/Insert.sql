INSERT INTO event_log (position, incident_id, version, event_id, type, data, metadata, recorded_at, prev_hash, hash)
VALUES (@Position, @IncidentId, @Version, @EventId, @Type, @Data, @Metadata, @RecordedAt, @PrevHash, @Hash);
