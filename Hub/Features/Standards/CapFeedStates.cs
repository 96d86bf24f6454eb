using System.Collections.Concurrent;

namespace Coordination.Hub.Features.Standards;

/// <summary>
/// How each configured CAP feed has fared on this hub: the last poll, its answer, the last error, and what its
/// messages came to. Kept in memory by <see cref="CapFeedPoller"/> for the administrators' read; each hub polls
/// and reports for itself.
/// </summary>
public sealed class CapFeedStates
{
    private readonly ConcurrentDictionary<string, CapFeedState> _feeds = new(StringComparer.Ordinal);

    public CapFeedState For(CapFeedOptions feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return _feeds.GetOrAdd(feed.Name, _ => new CapFeedState(feed));
    }

    public IReadOnlyList<CapFeedState.View> All(IEnumerable<CapFeedOptions> feeds) => feeds.Select(f => For(f).Read()).ToList();
}

/// <summary>One feed's record, changed by its poll and read by administrators.</summary>
public sealed class CapFeedState(CapFeedOptions feed)
{
    private readonly Lock _lock = new();
    private View _view = new(feed.Name, feed.Url, feed.Sender, feed.Interval, null, null, null, null, null, 0, 0, 0);

    /// <summary>What an administrator reads: <c>LastStatus</c> the feed's HTTP answer (200, 304), <c>LastError</c> the latest failure of the feed or of one of its entries.</summary>
    public sealed record View(string Name, string Url, string Sender, TimeSpan Interval, DateTimeOffset? LastPollAt, DateTimeOffset? LastSuccessAt, int? LastStatus,
        DateTimeOffset? LastErrorAt, string? LastError, long MessagesTakenIn, long Duplicates, long Refused);

    /// <summary>The feed's validators from its last whole answer, for a conditional GET; null until one was handled whole.</summary>
    public (string? ETag, string? LastModified) Validators { get; set; }

    /// <summary>Entries (id and updated) already handled, taken in or refused for good, so they are not fetched again.</summary>
    public HashSet<string> Handled { get; set; } = new(StringComparer.Ordinal);

    public View Read()
    {
        lock (_lock)
        {
            return _view;
        }
    }

    public void Polled(DateTimeOffset at, int status)
    {
        lock (_lock)
        {
            _view = _view with { LastPollAt = at, LastSuccessAt = at, LastStatus = status };
        }
    }

    public void Failed(DateTimeOffset at, string error, bool wholeFeed)
    {
        lock (_lock)
        {
            _view = wholeFeed ? _view with { LastPollAt = at, LastErrorAt = at, LastError = error } : _view with { LastErrorAt = at, LastError = error };
        }
    }

    public void Counted(bool duplicate)
    {
        lock (_lock)
        {
            _view = duplicate ? _view with { Duplicates = _view.Duplicates + 1 } : _view with { MessagesTakenIn = _view.MessagesTakenIn + 1 };
        }
    }

    public void CountRefused()
    {
        lock (_lock)
        {
            _view = _view with { Refused = _view.Refused + 1 };
        }
    }
}
