-- Who may run a singleton job (the relay) now; another instance takes over when the lease expires.
CREATE TABLE dbo.leases (
    name nvarchar(100) NOT NULL CONSTRAINT pk_leases PRIMARY KEY,
    holder nvarchar(200) NOT NULL,
    expires_at bigint NOT NULL
);
GO
