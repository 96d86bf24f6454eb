INSERT INTO sign_in_failures (user_name, client_address, failures, last_failed_at)
SELECT @UserName, @ClientAddress, 1, @Now
WHERE NOT EXISTS (SELECT 1 FROM sign_in_failures WHERE user_name = @UserName AND client_address = @ClientAddress);
