INSERT INTO account_lockouts (user_name, failed_attempts, locked_until)
SELECT @UserName, @FailedAttempts, @LockedUntil
WHERE NOT EXISTS (SELECT 1 FROM account_lockouts WHERE user_name = @UserName);
