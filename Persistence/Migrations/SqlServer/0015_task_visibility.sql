-- A contingency plan's task entries are seen, among an incident's agencies, only by the task's own agency: each one's
-- agency is kept here, by position, so the visibility queries skip the others' without reading the log's JSON.
CREATE TABLE dbo.task_entry_agencies (
    position bigint NOT NULL,
    agency nvarchar(40) NOT NULL,
    CONSTRAINT pk_task_entry_agencies PRIMARY KEY (position)
);
GO
-- The task entries already logged.
INSERT INTO dbo.task_entry_agencies (position, agency)
SELECT position, JSON_VALUE(data, '$.agency')
FROM dbo.event_log
WHERE type IN (N'TaskAssigned', N'TaskAcknowledged', N'TaskProgressed', N'TaskCompleted', N'TaskEscalated')
  AND JSON_VALUE(data, '$.agency') IS NOT NULL;
GO
