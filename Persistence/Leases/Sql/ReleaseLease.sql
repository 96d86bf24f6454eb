UPDATE leases
SET expires_at = 0
WHERE name = @Name AND holder = @Holder;
