SELECT client_address AS ClientAddress, failures AS Failures, last_failed_at AS LastFailedAt
FROM sign_in_failures
WHERE user_name = @UserName AND client_address IN (@Anywhere, @ClientAddress);
