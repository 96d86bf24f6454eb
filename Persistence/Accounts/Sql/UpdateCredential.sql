UPDATE user_credentials
SET password_hash = @PasswordHash
WHERE user_name = @UserName;
