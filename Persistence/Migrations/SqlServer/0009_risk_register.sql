-- The risk register: every version of every risk, folded from the risks' streams of the log (each entry holds the
-- whole risk), so the register now and the register as it stood on any past date are one query each.
CREATE TABLE dbo.risk_versions (
    risk_id uniqueidentifier NOT NULL,
    version int NOT NULL,
    position bigint NOT NULL,
    recorded_at bigint NOT NULL,
    changed_by nvarchar(100) NOT NULL,
    reason nvarchar(1000) NULL,
    data nvarchar(max) NOT NULL,
    CONSTRAINT pk_risk_versions PRIMARY KEY (risk_id, version)
);
GO
CREATE INDEX ix_risk_versions_recorded_at ON dbo.risk_versions (recorded_at);
GO
-- The register's latest position: a hub's cached register is current while it is unchanged.
CREATE INDEX ix_risk_versions_position ON dbo.risk_versions (position);
GO
