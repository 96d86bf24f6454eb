SELECT holder
FROM leases
WHERE name = @Name AND expires_at >= @Now;
