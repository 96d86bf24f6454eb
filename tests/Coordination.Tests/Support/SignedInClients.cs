namespace Coordination.Tests.Support;

/// <summary>
/// One HTTP client per user, signed in to one hub, for a fixture that sends many requests as several users; the user
/// "" is a client that is not signed in. Disposing it disposes every client.
/// </summary>
public sealed class SignedInClients : IDisposable
{
    private readonly Dictionary<string, HttpClient> _clients = [];

    private SignedInClients()
    {
    }

    public HttpClient this[string user] => _clients[user];

    public static async Task<SignedInClients> ForAsync(HubHost hub, IEnumerable<string> users)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(users);
        var clients = new SignedInClients();
        try
        {
            foreach (var user in users.Distinct())
            {
                clients._clients[user] = user == "" ? new HttpClient { BaseAddress = hub.BaseAddress } : await hub.ClientForAsync(user);
            }

            return clients;
        }
        catch
        {
            clients.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
