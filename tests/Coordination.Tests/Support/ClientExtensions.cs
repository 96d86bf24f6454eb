using Coordination.Agencies.Client;
using Coordination.Agencies.Contracts.Log;

namespace Coordination.Tests.Support;

public static class ClientExtensions
{
    /// <summary>Waits until the client's applied entries satisfy the condition, or fails the test naming what it has.</summary>
    public static async Task<IReadOnlyList<LogEntry>> WaitUntilAsync(this CoordinationClient client, Func<IReadOnlyList<LogEntry>, bool> condition, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var applied = client.Applied;
            if (condition(applied))
            {
                return applied;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{client.UserName} did not receive the expected entries in time; it has: " +
                    string.Join(", ", applied.Select(e => $"{e.Position}:{e.Type}")));
            }

            await Task.Delay(50);
        }
    }
}
