SELECT failed_attempts AS FailedAttempts, locked_until AS LockedUntil
FROM account_lockouts
WHERE user_name = @UserName;
