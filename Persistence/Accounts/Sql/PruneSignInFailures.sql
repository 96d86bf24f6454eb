DELETE FROM sign_in_failures
WHERE last_failed_at < @ForgetBefore;
