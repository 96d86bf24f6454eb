using Coordination.Persistence.Backups;

namespace Coordination.Hub.Startup;

/// <summary>
/// Commands at the server on the hub's database, each run with the hub's own settings and then exiting:
/// <c>backup --to PATH</c> (<see cref="BackupCommand"/>), <c>restore --from PATH</c> (<see cref="RestoreCommand"/>) and
/// <c>verify</c> (<see cref="VerifyCommand"/>). Exit codes: 0 done, 1 refused or failed, 2 misused.
/// </summary>
public static class DatabaseCommands
{
    /// <summary>Where the README tells how to back up and restore, named by every refusal that sends the reader there.</summary>
    public const string ReadmeSection = "README, \"Backup and restore\"";

    private const string Usage = "usage: dotnet Coordination.Hub.dll backup --to PATH | restore --from PATH | verify | migrate | admin create --user NAME";

    /// <summary>True when <paramref name="args"/> ask for one of these commands rather than for the hub to run.</summary>
    public static bool IsAsked(string[] args) => args is ["backup" or "restore" or "verify", ..];

    /// <summary>Runs the command; returns the process exit code.</summary>
    public static async Task<int> RunAsync(WebApplication app, string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var cancellation = app.Lifetime.ApplicationStopping;
        // Settings may follow on the command line (--Coordination:Storage:ConnectionString=...), as for the hub.
        return args switch
        {
            ["backup", ..] when Option(args, "--to") is { } to => await BackupCommand.RunAsync(app.Services, to, output, cancellation),
            ["restore", ..] when Option(args, "--from") is { } from => await RestoreCommand.RunAsync(app.Services, from, output, cancellation),
            ["verify", ..] => await VerifyCommand.RunAsync(app.Services, output, cancellation),
            _ => await MisusedAsync(output),
        };
    }

    /// <summary>What a copy holds, in one line for the operator.</summary>
    public static string Describe(BackupCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var chain = check.Chain.IsValid
            ? $"hash chain verified over {check.Chain.EntriesChecked} entries"
            : $"hash chain BROKEN at position {check.Chain.FirstBadPosition}: {check.Chain.Problem}";
        var checkpoints = check.Checkpoints.Count == 0 ? "none" : string.Join(", ", check.Checkpoints.Select(c => $"{c.Key} {c.Value}"));
        return $"head position {check.HeadPosition}; {chain}; schema version {check.SchemaVersion}; checkpoints: {checkpoints}.";
    }

    /// <summary>Removes a file this command made and will not keep; a file already gone is fine.</summary>
    public static void Discard(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the message the command prints names the file.
        }
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && args[at + 1].Length > 0 ? args[at + 1] : null;
    }

    private static async Task<int> MisusedAsync(TextWriter output)
    {
        await output.WriteLineAsync(Usage);
        return 2;
    }
}
