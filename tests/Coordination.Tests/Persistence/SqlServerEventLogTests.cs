using System.Data.Common;
using Coordination.Persistence.Dialects;
using Coordination.Persistence.SqlServer;
using Dapper;
using Microsoft.Data.SqlClient;

namespace Coordination.Tests.Persistence;

/// <summary>
/// The event log contract on SQL Server, when COORDINATION_TEST_SQLSERVER holds a connection string to a
/// server where the login may create databases (compose.yaml starts one). Each test gets its own database.
/// </summary>
[TestFixture]
public sealed class SqlServerEventLogTests : EventLogContract
{
    private const string Variable = "COORDINATION_TEST_SQLSERVER";
    private string? _master;
    private string? _database;

    protected override async Task<ISqlDialect> CreateDatabaseAsync()
    {
        _master = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(_master))
        {
            Assert.Ignore($"{Variable} is not set; the SQL Server dialect is still parsed by the ScriptDom test.");
        }

        _database = $"coordination_test_{Guid.NewGuid():N}";
        await using (var connection = new SqlConnection(_master))
        {
            await connection.ExecuteAsync($"CREATE DATABASE [{_database}]");
        }

        return new SqlServerDialect(new SqlConnectionStringBuilder(_master) { InitialCatalog = _database }.ConnectionString);
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_database is null)
        {
            return;
        }

        SqlConnection.ClearAllPools();
        await using var connection = new SqlConnection(_master);
        await connection.ExecuteAsync($"ALTER DATABASE [{_database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_database}]");
    }

    protected override async Task TamperAsync(DbConnection connection, long position, string newData)
    {
        await connection.ExecuteAsync("DISABLE TRIGGER dbo.event_log_append_only ON dbo.event_log");
        await connection.ExecuteAsync("UPDATE dbo.event_log SET data = @Data WHERE position = @Position", new { Data = newData, Position = position });
    }
}
