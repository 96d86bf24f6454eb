INSERT INTO leases (name, holder, expires_at)
SELECT @Name, @Holder, @ExpiresAt
WHERE NOT EXISTS (SELECT 1 FROM leases WHERE name = @Name);
