using Coordination.Persistence.Dialects;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Sqlite;

namespace Coordination.Hub.Startup;

/// <summary>
/// <c>dotnet Coordination.Hub.dll verify</c>: walks the hash chain of the database the hub's settings name, on
/// either provider, as <c>GET /api/log/verify</c> does, and prints its head. Pointed at a restored copy (with
/// <c>--Coordination:Storage:ConnectionString=...</c>), it checks a backup before any hub runs on it.
/// </summary>
public static class VerifyCommand
{
    /// <summary>Verifies the configured log; returns the exit code (0 verified, 1 broken or no database).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        var dialect = services.GetRequiredService<ISqlDialect>();
        string where;
        if (dialect is SqliteDialect sqlite)
        {
            where = sqlite.FilePath;
            if (!File.Exists(where))
            {
                // Opening it would create an empty database, which verifies and says nothing.
                await output.WriteLineAsync($"Refused: there is no database at {where}.");
                return 1;
            }
        }
        else
        {
            // Server and database only: the connection string may hold a password.
            await using var connection = dialect.CreateConnection();
            where = $"{connection.DataSource}/{connection.Database}";
        }

        var log = services.GetRequiredService<IEventLog>();
        var result = await log.VerifyAsync(cancellationToken);
        var head = await log.HeadPositionAsync(cancellationToken);
        if (result.IsValid)
        {
            await output.WriteLineAsync($"Log at {where} ({dialect.Name}): head position {head}; hash chain verified over {result.EntriesChecked} entries.");
            return 0;
        }

        await output.WriteLineAsync($"Log at {where} ({dialect.Name}): head position {head}; hash chain BROKEN at position {result.FirstBadPosition}: {result.Problem}");
        return 1;
    }
}
