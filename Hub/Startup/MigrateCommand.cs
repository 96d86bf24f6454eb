using Coordination.Persistence;
using Coordination.Persistence.Migrations;

namespace Coordination.Hub.Startup;

/// <summary>
/// <c>dotnet Coordination.Hub.dll migrate</c>: applies the database migrations and exits. The production shape runs it
/// once per upgrade under the database owner's login, so the hubs can connect as an application login that may write
/// the log and read models but never change the schema, drop the log's append-only trigger or undo its DENY.
/// </summary>
public static class MigrateCommand
{
    /// <summary>True when <paramref name="args"/> ask for this command rather than for the hub to run.</summary>
    public static bool IsAsked(string[] args) => args is ["migrate", ..];

    /// <summary>Migrates; returns the exit code (0 done, 2 misused).</summary>
    public static async Task<int> RunAsync(WebApplication app, string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(output);
        if (args is not ["migrate"])
        {
            await output.WriteLineAsync("usage: dotnet Coordination.Hub.dll migrate");
            return 2;
        }

        var applied = await app.Services.GetRequiredService<MigrationRunner>().MigrateAsync(app.Lifetime.ApplicationStopping);
        await output.WriteLineAsync(applied.Count == 0
            ? "The database is current: no migration to apply."
            : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}.");
        return 0;
    }

    /// <summary>
    /// Before the hub starts: the message to stop with when it may not migrate and the database is behind, or null.
    /// Checked here too (the start would fail on it anyway) so that the operator reads one line, not a host's error log.
    /// </summary>
    public static async Task<string?> PendingMigrationsAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var storage = app.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (storage.Migrate || await app.Services.GetRequiredService<MigrationRunner>().PendingAsync(app.Lifetime.ApplicationStopping) is not { Count: > 0 } pending)
        {
            return null;
        }

        return $"The database lacks migrations {string.Join(", ", pending)}, and this hub does not migrate (Coordination:Storage:Migrate is false): " +
            "run 'dotnet Coordination.Hub.dll migrate' with the database owner's connection string first.";
    }
}
