DELETE FROM sign_in_failures
WHERE user_name = @UserName AND client_address IN (@Anywhere, @ClientAddress);
