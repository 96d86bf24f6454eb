using System.Text.Json;

namespace Coordination.Tests.Support;

/// <summary>Reading the agency board (<c>GET /api/presence</c>) as the duty office's console does.</summary>
public static class PresenceBoard
{
    /// <summary>The board's line for one agency.</summary>
    public static async Task<JsonElement> AgencyAsync(this HttpClient client, string agency) =>
        (await client.GetOkAsync("api/presence")).GetProperty("agencies").EnumerateArray().Single(a => a.GetProperty("agency").GetString() == agency);

    /// <summary>One user's line on an agency's, or null.</summary>
    public static JsonElement? User(JsonElement agency, string userName) =>
        agency.GetProperty("users").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(u => u!.Value.GetProperty("userName").GetString() == userName);

    /// <summary>
    /// The board is read, not pushed: reads it until the agency's line shows what is awaited (each read answers at
    /// once), failing the test after <paramref name="timeout"/> (20 s unless told).
    /// </summary>
    public static async Task<JsonElement> WaitForAgencyAsync(this HttpClient client, string agency, Func<JsonElement, bool> condition, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var line = await client.AgencyAsync(agency);
            if (condition(line))
            {
                return line;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{agency} on the board never showed what was awaited; last: {line}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Whether the agency's line says nobody of it is connected.</summary>
    public static bool Unreachable(JsonElement agency) => agency.GetProperty("unreachable").GetBoolean();

    /// <summary>How many connections a user has on the agency's line (0 when not listed).</summary>
    public static int Connections(JsonElement agency, string userName) =>
        User(agency, userName) is { } user ? user.GetProperty("connections").GetInt32() : 0;
}
