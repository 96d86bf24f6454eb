-- Who may run a singleton job (the relay) now; another instance takes over when the lease expires.
CREATE TABLE leases (
    name TEXT NOT NULL PRIMARY KEY,
    holder TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);
