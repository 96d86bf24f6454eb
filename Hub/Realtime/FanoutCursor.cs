using Coordination.Persistence.Visibility;

namespace Coordination.Hub.Realtime;

/// <summary>
/// The position of the last entry this hub pushed to each agency, so a push can carry the agency's
/// previous visible position without asking the database. It is trusted only while the entries arrive
/// without a hole (each position one after the last): then every entry an agency may see has passed
/// through here, and the last one pushed to it is its previous one. After a hole, a repeat or a start
/// it asks <see cref="AgencyView"/>, once per agency.
/// Used by the one fan-out consumer, which handles one entry at a time in log order.
/// </summary>
public sealed class FanoutCursor(AgencyView agencyView)
{
    private readonly Dictionary<string, long> _lastPushed = new(StringComparer.Ordinal);
    private long _lastSeen;

    /// <summary>Called once per entry, before its pushes.</summary>
    public void Arrived(long position)
    {
        if (position != _lastSeen + 1)
        {
            _lastPushed.Clear();
        }

        _lastSeen = position;
    }

    public async Task<long> PreviousForAsync(string agency, long position, CancellationToken cancellationToken) =>
        _lastPushed.TryGetValue(agency, out var previous)
            ? previous
            : await agencyView.PreviousPositionAsync(agency, position, cancellationToken);

    public void Pushed(string agency, long position) => _lastPushed[agency] = position;
}
