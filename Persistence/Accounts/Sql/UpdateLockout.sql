UPDATE account_lockouts
SET failed_attempts = @FailedAttempts, locked_until = @LockedUntil
WHERE user_name = @UserName;
