INSERT INTO user_credentials (user_name, password_hash)
SELECT @UserName, @PasswordHash
WHERE NOT EXISTS (SELECT 1 FROM user_credentials WHERE user_name = @UserName);
