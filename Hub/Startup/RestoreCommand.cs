using Coordination.Persistence.Backups;
using Coordination.Persistence.Dialects;
using Coordination.Persistence.Sqlite;
using Microsoft.Data.Sqlite;

namespace Coordination.Hub.Startup;

/// <summary>
/// <c>dotnet Coordination.Hub.dll restore --from PATH</c>: puts a backup in place as the hub's SQLite database, only
/// where there is none, so it can never overwrite a database a hub is running on (or one not yet set aside). The
/// backup is copied (and left as it was), the copy's hash chain walked, and the copy moved into place only once it
/// verifies. The hub started next migrates it if it is older, and its clients beyond the restored head are told so.
/// </summary>
public static class RestoreCommand
{
    /// <summary>Restores <paramref name="path"/> as the hub's database; returns the exit code (0 restored, 1 refused or failed).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string path, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        var dialect = services.GetRequiredService<ISqlDialect>();
        if (dialect is not SqliteDialect sqlite)
        {
            await output.WriteLineAsync($"Refused: this hub's log is on SQL Server: restore it with RESTORE DATABASE ... WITH CHECKSUM and check it with `dotnet Coordination.Hub.dll verify` ({DatabaseCommands.ReadmeSection}).");
            return 1;
        }

        var backup = Path.GetFullPath(path);
        var target = sqlite.FilePath;
        var partial = target + ".restoring";
        var inTheWay = new[] { target, target + "-wal", target + "-shm", target + "-journal" }.FirstOrDefault(File.Exists);
        var refusal = !File.Exists(backup) ? $"there is no backup at {backup}."
            : inTheWay is not null ? $"{inTheWay} exists: a hub may be running on that database. Stop every hub, move {Path.GetFileName(target)} and its -wal and -shm files aside (keep them until the restored hub is checked), then restore."
            : File.Exists(partial) ? $"{partial} exists, left by a restore that did not finish: remove it first."
            : null;
        if (refusal is not null)
        {
            await output.WriteLineAsync($"Refused: {refusal}");
            return 1;
        }

        BackupCheck check;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await SqliteBackup.CopyBackupAsync(backup, partial, cancellationToken);
            check = await SqliteBackup.CheckAsync(partial, cancellationToken);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            DatabaseCommands.Discard(partial);
            await output.WriteLineAsync($"Failed: could not restore {backup} to {target} (is it a backup of this hub's database?): {ex.Message}");
            return 1;
        }

        await output.WriteLineAsync($"Backup {backup}: {DatabaseCommands.Describe(check)}");
        if (!check.IsSound)
        {
            DatabaseCommands.Discard(partial);
            await output.WriteLineAsync("Failed: the backup does not verify and was not restored. Restore an earlier one.");
            return 1;
        }

        try
        {
            File.Move(partial, target, overwrite: false);
        }
        catch (IOException ex)
        {
            DatabaseCommands.Discard(partial);
            await output.WriteLineAsync($"Failed: could not put the restored database at {target}: {ex.Message}");
            return 1;
        }

        var latest = sqlite.Scripts.Migrations.Count == 0 ? 0 : sqlite.Scripts.Migrations[^1].Version;
        var schema = check.SchemaVersion < latest
            ? $" It is at schema version {check.SchemaVersion}, this hub's is {latest}: the hub migrates it when it starts (with Coordination:Storage:Migrate=false, run `dotnet Coordination.Hub.dll migrate` first)."
            : "";
        await output.WriteLineAsync($"Restored to {target}; its log ends at position {check.HeadPosition}.{schema} Start the hubs: clients that hold positions beyond {check.HeadPosition} are told so at their next catch-up and go back to it.");
        return 0;
    }
}
