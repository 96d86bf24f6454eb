UPDATE refresh_tokens
SET used = 1
WHERE user_name = @UserName;
