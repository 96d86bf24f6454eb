-- Sign-in state. Not projections of the log: credentials and their counters never enter the log.
CREATE TABLE dbo.account_lockouts (
    user_name nvarchar(100) NOT NULL CONSTRAINT pk_account_lockouts PRIMARY KEY,
    failed_attempts int NOT NULL,
    locked_until bigint NOT NULL
);
GO
CREATE TABLE dbo.refresh_tokens (
    token_hash varbinary(32) NOT NULL CONSTRAINT pk_refresh_tokens PRIMARY KEY,
    user_name nvarchar(100) NOT NULL,
    expires_at bigint NOT NULL,
    used bit NOT NULL
);
GO
CREATE INDEX ix_refresh_tokens_user ON dbo.refresh_tokens (user_name);
GO
