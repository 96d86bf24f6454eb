using Coordination.Persistence.HashChain;

namespace Coordination.Persistence.EventLog;

/// <summary>
/// The rows this process's log writer committed most recently, by position, so the relay can publish them
/// without reading back from the database what was written a moment before (a query and every row's columns
/// materialised again, per page). Only a run that starts exactly after the reader's position is served: a
/// position appended by another process, or one evicted, sends the reader to the database as before. Rows are
/// held only once a reader follows (a process without a relay holds none), and dropped as soon as the reader has
/// read past them, so they die young instead of living on into the garbage collector's older generations.
/// </summary>
internal sealed class RecentAppends(int capacity)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, StoredRow> _byPosition = new(capacity);
    private readonly Queue<long> _order = new(capacity);
    private bool _followed;

    /// <summary>Rows just committed, in position order.</summary>
    public void Add(List<StoredRow> rows)
    {
        lock (_lock)
        {
            if (!_followed)
            {
                return;
            }

            foreach (var row in rows)
            {
                if (_byPosition.TryAdd(row.Position, row))
                {
                    _order.Enqueue(row.Position);
                }
            }

            while (_order.Count > capacity)
            {
                _byPosition.Remove(_order.Dequeue());
            }
        }
    }

    /// <summary>The rows at after + 1, after + 2 ... while each is held here, at most <paramref name="limit"/>; empty when the first is not.</summary>
    public List<StoredRow> After(long after, int limit)
    {
        var rows = new List<StoredRow>();
        lock (_lock)
        {
            _followed = true;
            // The reader has what is at or before its position.
            while (_order.TryPeek(out var oldest) && oldest <= after)
            {
                _byPosition.Remove(_order.Dequeue());
            }

            while (rows.Count < limit && _byPosition.TryGetValue(after + rows.Count + 1, out var row))
            {
                rows.Add(row);
            }
        }

        return rows;
    }
}
