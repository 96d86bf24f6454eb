UPDATE sign_in_failures
SET failures = CASE WHEN last_failed_at < @ForgetBefore THEN 1 ELSE failures + 1 END,
    last_failed_at = @Now
WHERE user_name = @UserName AND client_address = @ClientAddress;
