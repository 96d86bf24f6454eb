IF OBJECT_ID(N'dbo.schema_versions', N'U') IS NULL
CREATE TABLE dbo.schema_versions (
    version int NOT NULL PRIMARY KEY,
    name nvarchar(200) NOT NULL,
    applied_at bigint NOT NULL
);
