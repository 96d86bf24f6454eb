using Coordination.Hub.Auth;

namespace Coordination.Hub.Realtime;

/// <summary>
/// Ends what a directory change ends: reloads the accounts, then closes this hub's live connections of users who
/// were disabled or given another role or agency. Run on every hub when the directory stream's entries arrive
/// from the bus, and on each periodic directory refresh in case a page was missed.
/// </summary>
public sealed class EndedSessions(AccountStates accounts, LiveConnections connections)
{
    public async Task DirectoryChangedAsync(CancellationToken cancellationToken)
    {
        await accounts.RefreshAsync(cancellationToken);
        connections.CloseWhere(caller => !accounts.IsCurrent(caller));
    }
}
