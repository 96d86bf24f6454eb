-- Failed sign-ins are counted per account and client address, and per account across all addresses
-- (client_address '*'), so failures from one address lock out that address only, and the account as a
-- whole is slowed down instead of locked. Counted for unknown names too, so they are answered the same way.
-- The per-account lockouts they replace are dropped: at worst an attacker's count starts again.
DROP TABLE dbo.account_lockouts;
GO
CREATE TABLE dbo.sign_in_failures (
    user_name nvarchar(100) NOT NULL,
    client_address nvarchar(100) NOT NULL,
    failures int NOT NULL,
    last_failed_at bigint NOT NULL,
    CONSTRAINT pk_sign_in_failures PRIMARY KEY (user_name, client_address)
);
GO
CREATE INDEX ix_sign_in_failures_last ON dbo.sign_in_failures (last_failed_at);
GO
