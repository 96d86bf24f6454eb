using System.Net.Http.Json;
using Coordination.Agencies.Contracts;
using Coordination.Testing;

namespace Coordination.Bench.Live;

/// <summary>Signing in to a hub process as the load generator does: one token, many concurrent requests.</summary>
internal static class HubClients
{
    /// <summary>A client for many concurrent requests, signed in as <paramref name="userName"/>.</summary>
    public static async Task<HttpClient> ClientForAsync(this HubProcess hub, string userName)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = hub.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        http.DefaultRequestHeaders.Authorization = new("Bearer", await hub.TokenAsync(userName));
        return http;
    }

    public static async Task<string> TokenAsync(this HubProcess hub, string userName)
    {
        using var http = new HttpClient { BaseAddress = hub.BaseAddress };
        using var response = await http.PostAsJsonAsync("api/auth/token", new { userName, password = HubProcess.SamplePassword }, ContractJson.Options);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>(ContractJson.Options);
        return body!["token"].ToString()!;
    }
}
