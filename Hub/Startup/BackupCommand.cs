using Coordination.Persistence.Backups;
using Coordination.Persistence.Dialects;
using Coordination.Persistence.Sqlite;
using Microsoft.Data.Sqlite;

namespace Coordination.Hub.Startup;

/// <summary>
/// <c>dotnet Coordination.Hub.dll backup --to PATH</c>: an online copy of the SQLite database while hubs run on it
/// (<see cref="SqliteBackup"/>), then the copy's hash chain walked by the log's own verifier. The copy is written
/// beside PATH and moved there only once it verifies, so PATH never holds a half-written or unverified backup. It
/// never overwrites a file. SQL Server has its own online backup, which the README describes; it is refused here.
/// </summary>
public static class BackupCommand
{
    /// <summary>Backs up the hub's database to <paramref name="path"/>; returns the exit code (0 written and verified, 1 refused or failed).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string path, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        if (services.GetRequiredService<ISqlDialect>() is not SqliteDialect sqlite)
        {
            await output.WriteLineAsync($"Refused: this hub's log is on SQL Server, which backs up online itself: BACKUP DATABASE ... WITH CHECKSUM (and COPY_ONLY for a copy outside the regular backups), then verify a restored copy with `dotnet Coordination.Hub.dll verify` pointed at it ({DatabaseCommands.ReadmeSection}).");
            return 1;
        }

        var destination = Path.GetFullPath(path);
        var partial = destination + ".partial";
        var refusal = File.Exists(destination) || Directory.Exists(destination) ? $"{destination} exists already; a backup never overwrites anything: name a new file."
            : Path.GetDirectoryName(destination) is { } folder && !Directory.Exists(folder) ? $"there is no folder {folder}."
            : File.Exists(partial) ? $"{partial} exists, left by a backup that did not finish: remove it first."
            : !File.Exists(sqlite.FilePath) ? $"there is no database at {sqlite.FilePath} to back up (Coordination:DataDirectory, Coordination:Storage:ConnectionString)."
            : null;
        if (refusal is not null)
        {
            await output.WriteLineAsync($"Refused: {refusal}");
            return 1;
        }

        try
        {
            await SqliteBackup.CopyLiveAsync(sqlite.FilePath, partial, cancellationToken);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            DatabaseCommands.Discard(partial);
            await output.WriteLineAsync($"Failed: could not write {destination}: {ex.Message}");
            return 1;
        }

        var check = await SqliteBackup.CheckAsync(partial, cancellationToken);
        await output.WriteLineAsync($"Copy of {sqlite.FilePath}: {DatabaseCommands.Describe(check)}");
        if (!check.IsSound)
        {
            DatabaseCommands.Discard(partial);
            await output.WriteLineAsync("Failed: the copy does not verify and was not kept. The live log is most likely broken the same way: check it with GET /api/log/verify as a commander, or `dotnet Coordination.Hub.dll verify`.");
            return 1;
        }

        try
        {
            File.Move(partial, destination, overwrite: false);
        }
        catch (IOException ex)
        {
            DatabaseCommands.Discard(partial);
            await output.WriteLineAsync($"Failed: could not put the verified copy at {destination}: {ex.Message}");
            return 1;
        }

        await output.WriteLineAsync($"Backup written to {destination} and verified. Restore it with `dotnet Coordination.Hub.dll restore --from {destination}` ({DatabaseCommands.ReadmeSection}).");
        return 0;
    }
}
