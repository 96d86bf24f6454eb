-- Marks the token used; one row changes only for the first use of a valid token.
UPDATE refresh_tokens
SET used = 1
WHERE token_hash = @TokenHash AND used = 0 AND expires_at > @Now;
