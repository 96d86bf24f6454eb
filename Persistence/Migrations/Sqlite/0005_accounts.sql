-- Sign-in state. Not projections of the log: credentials and their counters never enter the log.
CREATE TABLE account_lockouts (
    user_name TEXT NOT NULL PRIMARY KEY,
    failed_attempts INTEGER NOT NULL,
    locked_until INTEGER NOT NULL
);

CREATE TABLE refresh_tokens (
    token_hash BLOB NOT NULL PRIMARY KEY,
    user_name TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    used INTEGER NOT NULL
);

CREATE INDEX ix_refresh_tokens_user ON refresh_tokens (user_name);
