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
    private readonly FileSystemWatcher _watcher;
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
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(_path)!, Path.GetFileName(_path))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName | NotifyFilters.CreationTime,
        };
        _watcher.Changed += (_, _) => Reload();
        _watcher.Created += (_, _) => Reload();
        _watcher.Renamed += (_, _) => Reload();
        _watcher.EnableRaisingEvents = true;
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
                DispatchLog.RulesReloaded(_logger, _path, rules.Rules.Count);
                foreach (var warning in rules.Warnings)
                {
                    DispatchLog.RuleWarning(_logger, _path, warning);
                }

                return true;
            }
            catch (Exception ex) when (ex is RoutingRulesException or IOException)
            {
                DispatchLog.RulesRejected(_logger, ex, _path);
                return false;
            }
        }
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

    public void Dispose() => _watcher.Dispose();
}
