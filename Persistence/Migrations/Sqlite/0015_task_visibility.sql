-- A contingency plan's task entries are seen, among an incident's agencies, only by the task's own agency: each one's
-- agency is kept here, by position, so the visibility queries skip the others' without reading the log's JSON.
CREATE TABLE task_entry_agencies (
    position INTEGER NOT NULL PRIMARY KEY,
    agency TEXT NOT NULL
);

-- The task entries already logged.
INSERT INTO task_entry_agencies (position, agency)
SELECT position, json_extract(data, '$.agency')
FROM event_log
WHERE type IN ('TaskAssigned', 'TaskAcknowledged', 'TaskProgressed', 'TaskCompleted', 'TaskEscalated')
  AND json_extract(data, '$.agency') IS NOT NULL;
