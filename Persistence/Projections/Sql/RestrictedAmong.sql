-- Which of the listed incidents are restricted: one question for a catch-up page instead of one per incident.
SELECT incident_id
FROM incident_board
WHERE classification = 'Restricted' AND incident_id IN @IncidentIds;
