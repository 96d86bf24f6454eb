SELECT user_name AS UserName, used AS Used
FROM refresh_tokens
WHERE token_hash = @TokenHash;
