-- Refresh tokens past their expiry, used or not, at most @Limit a statement, so a purge never holds its locks for
-- long. A used token stays until it expires: a second use of it is how a copied token is seen (and the session
-- ended), and after its expiry it is refused either way.
DELETE TOP (@Limit) FROM refresh_tokens
WHERE expires_at <= @Now;
