using Coordination.Dispatch.Agencies;
using Microsoft.Extensions.Logging;

namespace Coordination.Dispatch.Routing;

/// <summary>
/// The current routing rules, read from a JSON file that administrators edit. The file is seeded from
/// the sample rules when missing and re-read when it changes; a broken edit is logged and the last good
/// rules stay in force, so a typo never stops alerts.
/// </summary>
public sealed class RoutingRulesProvider : IDisposable
{
    private readonly string _path;
    private readonly AgencyDirectory _agencies;
    private readonly ILogger<RoutingRulesProvider> _logger;
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);
    private readonly Timer _check;
    private (DateTime Written, long Length) _seen;
    private readonly Lock _reloadLock = new();
    private RoutingRuleSet _current;

    public RoutingRulesProvider(string path, AgencyDirectory agencies, ILogger<RoutingRulesProvider> logger)
    {
        _path = Path.GetFullPath(path);
        _agencies = agencies;
        _logger = logger;
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        if (!File.Exists(_path))
        {
            File.WriteAllText(_path, RoutingRuleSet.SampleJson());
        }

        // At start a broken file is an error the operator must see at once.
        _current = RoutingRuleSet.Parse(File.ReadAllText(_path), agencies);
        // Polled, not watched: the file sits beside the database by default, and a FileSystemWatcher there
        // woke for every database write (6% of the hub's CPU under load in the benchmarks). One stat a second
        // notices an edit as quickly as anyone needs, also where inotify does not reach (bind mounts, shares).
        _seen = Stamp();
        _check = new Timer(_ => ReloadIfChanged(), null, CheckEvery, CheckEvery);
    }

    /// <summary>The rules in force.</summary>
    public RoutingRuleSet Current => Volatile.Read(ref _current);

    /// <summary>Where the rules file is.</summary>
    public string FilePath => _path;

    /// <summary>Re-reads the file now; returns false (and keeps the old rules) when it is unusable.</summary>
    public bool Reload()
    {
        lock (_reloadLock)
        {
            try
            {
                var text = ReadShared();
                var rules = RoutingRuleSet.Parse(text, _agencies);
                Volatile.Write(ref _current, rules);
                DispatchLogMessages.RulesReloaded(_logger, _path, rules.Rules.Count);
                foreach (var warning in rules.Warnings)
                {
                    DispatchLogMessages.RuleWarning(_logger, _path, warning);
                }

                return true;
            }
            catch (Exception ex) when (ex is RoutingRulesException or IOException)
            {
                DispatchLogMessages.RulesRejected(_logger, ex, _path);
                return false;
            }
        }
    }

    private void ReloadIfChanged()
    {
        var stamp = Stamp();
        if (stamp != _seen)
        {
            _seen = stamp;
            Reload();
        }
    }

    private (DateTime Written, long Length) Stamp()
    {
        var file = new FileInfo(_path);
        return file.Exists ? (file.LastWriteTimeUtc, file.Length) : default;
    }

    private string ReadShared()
    {
        // Editors write in steps; a short retry rides over a file that is still being written.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd();
            }
            catch (IOException) when (attempt < 5)
            {
                Thread.Sleep(50);
            }
        }
    }

    public void Dispose() => _check.Dispose();
}
