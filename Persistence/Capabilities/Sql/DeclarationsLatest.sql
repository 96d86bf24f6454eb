-- Each agency's latest declaration: what every agency holds now.
SELECT d.agency AS Agency, d.version AS Version, d.position AS Position, d.recorded_at AS RecordedAt, d.declared_by AS DeclaredBy, d.reason AS Reason, d.is_sample AS IsSample, d.holdings AS Holdings
FROM capability_declarations d
WHERE d.version = (SELECT MAX(l.version) FROM capability_declarations l WHERE l.agency = d.agency)
ORDER BY d.agency;
