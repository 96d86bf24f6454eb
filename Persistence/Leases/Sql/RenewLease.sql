UPDATE leases
SET holder = @Holder, expires_at = @ExpiresAt
WHERE name = @Name AND (holder = @Holder OR expires_at < @Now);
