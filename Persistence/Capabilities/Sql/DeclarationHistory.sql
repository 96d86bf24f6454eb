-- Every declaration of one agency, oldest first.
SELECT agency AS Agency, version AS Version, position AS Position, recorded_at AS RecordedAt, declared_by AS DeclaredBy, reason AS Reason, is_sample AS IsSample, holdings AS Holdings
FROM capability_declarations
WHERE agency = @Agency
ORDER BY version;
