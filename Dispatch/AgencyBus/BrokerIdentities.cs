using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Coordination.Agencies.Contracts.Bus;
using Coordination.Dispatch.Bus;

namespace Coordination.Dispatch.AgencyBus;

/// <summary>
/// Each agency system's own RabbitMQ user, kept through the broker's management API. Its permissions name only the
/// agency's own queue and exchange and names under them (<c>&lt;queue&gt;.&lt;anything&gt;</c>: its commands exchange, its
/// replies queue, the subscriber's own bus queue; <c>&lt;queue&gt;_error</c> and <c>_skipped</c>, MassTransit's), so the
/// broker itself refuses it another agency's queue. Codes hold neither a dot nor an underscore, so one agency's names
/// never match another's.
/// </summary>
public sealed class BrokerIdentities(HttpClient http, BusOptions bus)
{
    /// <summary>
    /// The broker user of <paramref name="agency"/>'s system, under the deployment's queue prefix (users are the broker's,
    /// not a virtual host's, so two deployments on one broker keep theirs apart).
    /// </summary>
    public static string UserName(string prefix, string agency) => $"{prefix}.agency.{agency}";

    /// <summary>Creates the agency's user, or gives it a new password; returns the password and whether it existed.</summary>
    public async Task<(string Password, bool Rotated)> IssueAsync(string agency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agency);
        var user = UserName(bus.QueuePrefix, agency);
        using (var existing = await SendAsync(HttpMethod.Get, $"api/users/{Escape(user)}", null, cancellationToken))
        {
            var rotated = existing.StatusCode == HttpStatusCode.OK;
            if (!rotated && existing.StatusCode != HttpStatusCode.NotFound)
            {
                await FailAsync(existing, cancellationToken);
            }

            var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
            await EnsureAsync(HttpMethod.Put, $"api/users/{Escape(user)}", new { password, tags = string.Empty }, cancellationToken);
            var own = $"^{Regex.Escape(AgencyQueues.Entries(bus.QueuePrefix, agency))}([._].*)?$";
            await EnsureAsync(HttpMethod.Put, $"api/permissions/{Escape(bus.VirtualHost)}/{Escape(user)}", new
            {
                configure = own,
                write = own,
                read = own,
            }, cancellationToken);
            return (password, rotated);
        }
    }

    /// <summary>Removes the agency's user (nothing to do when it has none) and closes the connections it has open.</summary>
    public async Task RevokeAsync(string agency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agency);
        var user = UserName(bus.QueuePrefix, agency);
        using (var deleted = await SendAsync(HttpMethod.Delete, $"api/users/{Escape(user)}", null, cancellationToken))
        {
            if (!deleted.IsSuccessStatusCode && deleted.StatusCode != HttpStatusCode.NotFound)
            {
                await FailAsync(deleted, cancellationToken);
            }
        }

        // Removing a user does not end what it has already opened: a revoked system must stop reading at once.
        using var connections = await SendAsync(HttpMethod.Get, $"api/connections?columns=name,user", null, cancellationToken);
        if (!connections.IsSuccessStatusCode)
        {
            await FailAsync(connections, cancellationToken);
        }

        using var list = JsonDocument.Parse(await connections.Content.ReadAsStringAsync(cancellationToken));
        foreach (var connection in list.RootElement.EnumerateArray().Where(c => c.GetProperty("user").GetString() == user))
        {
            using var closed = await SendAsync(HttpMethod.Delete, $"api/connections/{Escape(connection.GetProperty("name").GetString()!)}", null, cancellationToken);
        }
    }

    private async Task EnsureAsync(HttpMethod method, string path, object body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, path, body, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            await FailAsync(response, cancellationToken);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{bus.Username}:{bus.Password}")));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await http.SendAsync(request, cancellationToken);
    }

    private static async Task FailAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        throw new BrokerManagementException((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}

/// <summary>The broker's management API refused or failed a change.</summary>
public sealed class BrokerManagementException(int status, string body)
    : Exception($"RabbitMQ's management API answered {status}: {body}")
{
    public int Status { get; } = status;
}
