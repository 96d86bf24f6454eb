-- Run once by the database's first administrator (sa), after the database exists: two logins, so the hubs never hold
-- the keys to the schema. sqlcmd fills in $(OwnerPassword) and $(AppPassword) (-v OwnerPassword=... AppPassword=...).
--   coordination_owner  owns the database: `dotnet Coordination.Hub.dll migrate` runs as it, once per upgrade.
--   coordination_app    what the hubs connect as: reads and writes rows, never the schema. It may insert into the
--                       event log and read it, but not update or delete a row there, nor alter the table or drop its
--                       append-only trigger, so the trigger and the DENY bind it.
USE master;
IF SUSER_ID(N'coordination_owner') IS NULL
    CREATE LOGIN coordination_owner WITH PASSWORD = N'$(OwnerPassword)', CHECK_POLICY = ON;
IF SUSER_ID(N'coordination_app') IS NULL
    CREATE LOGIN coordination_app WITH PASSWORD = N'$(AppPassword)', CHECK_POLICY = ON;
GO

USE coordination;
IF USER_ID(N'coordination_owner') IS NULL
    CREATE USER coordination_owner FOR LOGIN coordination_owner;
ALTER ROLE db_owner ADD MEMBER coordination_owner;

IF USER_ID(N'coordination_app') IS NULL
    CREATE USER coordination_app FOR LOGIN coordination_app;
IF DATABASE_PRINCIPAL_ID(N'coordination_hub') IS NULL
    CREATE ROLE coordination_hub;
ALTER ROLE coordination_hub ADD MEMBER coordination_app;

-- Rows of every table the migrations create in dbo, present and future; no CREATE, ALTER or DROP of anything.
GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA::dbo TO coordination_hub;
-- The log is append-only for the hubs, whatever a later GRANT on the schema says: a DENY wins over a GRANT.
DENY UPDATE, DELETE ON dbo.event_log TO coordination_hub;
GO
