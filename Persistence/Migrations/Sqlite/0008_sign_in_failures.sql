-- Failed sign-ins are counted per account and client address, and per account across all addresses
-- (client_address '*'), so failures from one address lock out that address only, and the account as a
-- whole is slowed down instead of locked. Counted for unknown names too, so they are answered the same way.
-- The per-account lockouts they replace are dropped: at worst an attacker's count starts again.
DROP TABLE account_lockouts;

CREATE TABLE sign_in_failures (
    user_name TEXT NOT NULL,
    client_address TEXT NOT NULL,
    failures INTEGER NOT NULL,
    last_failed_at INTEGER NOT NULL,
    PRIMARY KEY (user_name, client_address)
);

CREATE INDEX ix_sign_in_failures_last ON sign_in_failures (last_failed_at);
