INSERT INTO refresh_tokens (token_hash, user_name, expires_at, used)
VALUES (@TokenHash, @UserName, @ExpiresAt, 0);
