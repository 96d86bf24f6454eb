using Coordination.Hub.Auth;

namespace Coordination.Hub.Features.Common;

/// <summary>
/// The bookkeeping that bounds the restricted-access audit: per reader, way of reading and incident, a window
/// opened by a read that is recorded at once; the further reads in it are only counted, and handed out as
/// <see cref="FoldedReads"/> when it closes. In memory, per hub: each hub bounds its own readers' entries.
/// </summary>
public sealed class RestrictedReadWindows(TimeSpan length)
{
    private readonly Dictionary<(Caller Reader, string Access, Guid IncidentId), Window> _open = [];
    private readonly List<FoldedReads> _closed = [];
    private readonly Lock _lock = new();

    /// <summary>Reads of one incident after the first in a window, not yet written.</summary>
    public sealed record FoldedReads(Caller Reader, string Access, Guid IncidentId, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, int Reads);

    /// <summary>Counts one read of <paramref name="incidentIds"/> at <paramref name="now"/>; returns those it opened a window for, to be recorded at once.</summary>
    public IReadOnlyList<Guid> Read(Caller reader, string access, IReadOnlyList<Guid> incidentIds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(incidentIds);
        // Keyed on who reads, not on the token they hold: another sign-in or a refreshed token is the same reader.
        var who = new Caller(reader.UserName, reader.Role, reader.Agency);
        var opened = new List<Guid>();
        lock (_lock)
        {
            foreach (var id in incidentIds)
            {
                var key = (who, access, id);
                if (_open.TryGetValue(key, out var window) && now < window.Start + length)
                {
                    window.Folded++;
                    continue;
                }

                if (window is not null)
                {
                    // Closed but not yet collected: its count waits for the next write with the others.
                    Close(key, window, window.Start + length);
                }

                _open[key] = new Window(now);
                opened.Add(id);
            }
        }

        return opened;
    }

    /// <summary>Takes the counted reads of every window closed by <paramref name="now"/>; with <paramref name="all"/> (the hub is stopping), of every window.</summary>
    public IReadOnlyList<FoldedReads> TakeClosed(DateTimeOffset now, bool all = false)
    {
        lock (_lock)
        {
            foreach (var (key, window) in _open.Where(w => all || now >= w.Value.Start + length).ToArray())
            {
                _open.Remove(key);
                Close(key, window, all && now < window.Start + length ? now : window.Start + length);
            }

            var taken = _closed.ToArray();
            _closed.Clear();
            return taken;
        }
    }

    /// <summary>Gives back counts that could not be written, so the next write carries them: a count is never lost.</summary>
    public void GiveBack(IEnumerable<FoldedReads> folded)
    {
        lock (_lock)
        {
            _closed.AddRange(folded);
        }
    }

    private void Close((Caller Reader, string Access, Guid IncidentId) key, Window window, DateTimeOffset end)
    {
        if (window.Folded > 0)
        {
            _closed.Add(new FoldedReads(key.Reader, key.Access, key.IncidentId, window.Start, end, window.Folded));
        }
    }

    private sealed class Window(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; } = start;

        public int Folded { get; set; }
    }
}
