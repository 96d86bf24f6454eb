SELECT position, incident_id, version, event_id
FROM event_log
WHERE event_id IN @EventIds;
