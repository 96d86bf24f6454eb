-- An incident's timeline is read from the log itself (by incident and version, an index the log already has),
-- so each append no longer writes a copy of its entry into a table of its own.
DROP TABLE dbo.incident_timeline;
