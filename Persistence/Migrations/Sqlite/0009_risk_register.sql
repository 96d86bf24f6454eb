-- The risk register: every version of every risk, folded from the risks' streams of the log (each entry holds the
-- whole risk), so the register now and the register as it stood on any past date are one query each.
CREATE TABLE risk_versions (
    risk_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    position INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL,
    changed_by TEXT NOT NULL,
    reason TEXT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (risk_id, version)
);

CREATE INDEX ix_risk_versions_recorded_at ON risk_versions (recorded_at);

-- The register's latest position: a hub's cached register is current while it is unchanged.
CREATE INDEX ix_risk_versions_position ON risk_versions (position);
