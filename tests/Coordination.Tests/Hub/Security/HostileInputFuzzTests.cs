using System.Net;
using Coordination.Agencies.Client;
using System.Text;
using System.Text.Json;
using Coordination.Agencies.Contracts.Commands;
using Coordination.Agencies.Contracts.Log;
using Coordination.Persistence.EventLog;
using Coordination.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Hub.Security;

/// <summary>
/// Ten thousand generated malformed and hostile requests and hub invocations, from a fixed seed: never a
/// 5xx, never a crash, never a partial append; afterwards the log verifies and every new entry belongs to
/// a command that was answered as accepted (or to routing that such a command caused).
/// </summary>
[TestFixture]
public sealed class HostileInputFuzzTests
{
    private const int Requests = 8_000;
    private const int Invocations = 2_000;

    private static readonly string[] Hostile =
    [
        "<script>alert(1)</script>", "'; DROP TABLE event_log; --", "\u202Eevil", "\u2066x\u2069", "bell\u0007", "nul\u0000",
        "فيضان في درنة", "\uD800", "%00", "../../etc/passwd", "{{7*7}}", "${jndi:ldap://x}", "\r\nSet-Cookie: a=b", new string('ف', 5000),
    ];

    private static readonly string[] Fields = ["eventId", "hazard", "category", "severity", "urgency", "certainty", "title", "description", "district",
        "municipality", "latitude", "longitude", "occurredAt", "classification", "clearedAgencies", "isExercise", "note", "text", "status", "reason", "expectedVersion"];

    [Test]
    public async Task Ten_thousand_hostile_requests_never_break_the_hub_or_the_log()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var operatorApi = await hub.ClientForAsync("duty.operator");
        using var ncemApi = await hub.ClientForAsync("liaison.ncem");
        using var commander = await hub.ClientForAsync("commander");
        var incident = (await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood())).GetProperty("incidentId").GetGuid();
        var start = (await commander.GetOkAsync("api/log?limit=1")).GetProperty("headPosition").GetInt64();

        var random = new Random(20230911);
        var accepted = new HashSet<long>();
        var serverErrors = new List<string>();
        for (var i = 0; i < Requests; i++)
        {
            var (client, method, path, body) = NextRequest(random, operatorApi, ncemApi, commander, incident);
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = new("application/json");
                // As a well-behaved client would: let the hub refuse an oversized body before it is sent.
                request.Headers.ExpectContinue = body.Length > 64 * 1024;
            }

            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request);
            }
            catch (HttpRequestException) when (body is { Length: > 256 * 1024 })
            {
                // Kestrel may answer 413 and close the connection while an oversized body is still being sent.
                continue;
            }

            using var disposeResponse = response;
            if ((int)response.StatusCode >= 500)
            {
                serverErrors.Add($"{method} {path}: {(int)response.StatusCode} {Truncate(body)}");
            }
            else if (response.IsSuccessStatusCode && method == HttpMethod.Post)
            {
                Accept(accepted, await response.Content.ReadAsStringAsync());
            }
        }

        await using (var operatorHub = await hub.ConnectAsync("duty.operator"))
        await using (var ncemHub = await hub.ConnectAsync("liaison.ncem"))
        {
            for (var i = 0; i < Invocations; i++)
            {
                var connection = random.Next(2) == 0 ? operatorHub.Connection : ncemHub.Connection;
                var (name, args) = NextInvocation(random, incident);
                try
                {
                    var result = await connection.InvokeCoreAsync(name, typeof(JsonElement), args);
                    if (result is JsonElement element && element.ValueKind == JsonValueKind.Object && element.TryGetProperty("position", out _) && name != "CatchUp")
                    {
                        Accept(accepted, element.GetRawText());
                    }
                }
                catch (HubException ex) when (CoordinationException.FromHub(ex) is { Status: >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError } || !ex.Message.Contains("unexpected error occurred invoking", StringComparison.Ordinal))
                {
                    // Refused with a reason: what we want.
                }
                catch (HubException ex)
                {
                    serverErrors.Add($"hub {name}: {ex.Message}");
                }
                catch (Exception ex) when (ex is InvalidDataException or JsonException or InvalidOperationException or ArgumentException)
                {
                    // The client itself refused to send nonsense (wrong argument count or types): nothing reached the hub.
                }
            }
        }

        // Anything routing appended for what was sent is before this marker; the marker and its routing are the test's own.
        var marker = await RoutingBarrier.PassAsync(hub.Services.GetRequiredService<IEventLog>());
        var entries = (await commander.ReadLogAsync()).Where(e => e.Position > start && e.Position < marker).ToArray();
        var causedByAccepted = entries.Where(e => accepted.Contains(e.Position)).Select(e => e.EventId).ToHashSet();
        var unexplained = entries.Where(e => !accepted.Contains(e.Position) && !(e.Metadata.CausationId is { } cause && causedByAccepted.Contains(cause))).ToArray();
        using var live = await hub.Http.GetAsync(new Uri("health/live", UriKind.Relative));
        var verify = await commander.GetOkAsync("api/log/verify");
        Assert.Multiple(() =>
        {
            Assert.That(serverErrors, Is.Empty, string.Join("\n", serverErrors.Take(20)));
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the hub is still up");
            Assert.That(verify.GetProperty("isValid").GetBoolean(), Is.True);
            Assert.That(unexplained.Select(e => $"{e.Position}:{e.Type}"), Is.Empty, "the log moved only for accepted commands");
            Assert.That(accepted, Is.Not.Empty, "some generated commands were valid, so the check above means something");
        });
    }

    private static void Accept(HashSet<long> accepted, string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.TryGetProperty("position", out var position) && !(document.RootElement.TryGetProperty("wasDuplicate", out var duplicate) && duplicate.GetBoolean()))
        {
            accepted.Add(position.GetInt64());
        }
    }

    private static (HttpClient, HttpMethod, string, byte[]?) NextRequest(Random random, HttpClient operatorApi, HttpClient ncemApi, HttpClient commander, Guid incident)
    {
        var target = random.Next(10) switch
        {
            0 => $"api/incidents/{Guid.NewGuid()}",
            1 => "api/incidents/" + Uri.EscapeDataString(Pick(random, Hostile)),
            _ => $"api/incidents/{incident}",
        };
        return random.Next(9) switch
        {
            0 or 1 or 2 => (operatorApi, HttpMethod.Post, "api/incidents", Body(random, valid: Valid(random, "report"))),
            3 => (ncemApi, HttpMethod.Post, target + "/acknowledge", Body(random, Valid(random, "ack"))),
            4 => (Pick(random, [operatorApi, ncemApi]), HttpMethod.Post, target + "/updates", Body(random, Valid(random, "update"))),
            5 => (operatorApi, HttpMethod.Post, target + "/status", Body(random, Valid(random, "status"))),
            6 => (commander, HttpMethod.Get, $"api/log?after={Pick(random, ["-1", "0", "99999999999999999999", "abc", "1e3", Uri.EscapeDataString(Pick(random, Hostile))])}&limit={random.Next(-5, 2000)}", null),
            7 => (Pick(random, [commander, ncemApi]), HttpMethod.Get, $"api/incidents?status={Uri.EscapeDataString(Pick(random, Hostile))}&district={Pick(random, ["derna", "mars", "", "%27"])}", null),
            _ => (operatorApi, HttpMethod.Post, "api/auth/token", Body(random, null)),
        };
    }

    private static (string, object?[]) NextInvocation(Random random, Guid incident) => random.Next(6) switch
    {
        0 => ("ReportIncident", [Json(random, Valid(random, "report"))]),
        1 => ("AcknowledgeAlert", [Pick<object?>(random, [incident, Guid.NewGuid(), "not-a-guid", 42, null]), Json(random, Valid(random, "ack"))]),
        2 => ("PostUpdate", [Pick<object?>(random, [incident, Guid.NewGuid(), "x"]), Json(random, Valid(random, "update"))]),
        3 => ("ChangeStatus", [incident, Json(random, Valid(random, "status"))]),
        4 => ("CatchUp", [Pick<object?>(random, [-1L, 0L, long.MaxValue, "x"]), Pick<object?>(random, [0, 1, 5000, -3, "ten"])]),
        _ => (Pick(random, ["NoSuchMethod", "OnConnectedAsync", "Dispose", ""]), [Pick(random, Hostile)]),
    };

    private static Dictionary<string, object?>? Valid(Random random, string kind) => random.Next(20) != 0 ? null : kind switch
    {
        "report" => new() { ["hazard"] = "Flood", ["severity"] = "Moderate", ["title"] = "فيضان " + random.Next(), ["district"] = "derna" },
        "ack" => new() { ["note"] = "تم" },
        "update" => new() { ["text"] = "تحديث " + random.Next() },
        _ => new() { ["status"] = Pick(random, ["Responding", "Contained"]) },
    };

    private static JsonElement Json(Random random, Dictionary<string, object?>? valid) =>
        JsonDocument.Parse(valid is not null ? JsonSerializer.Serialize(valid) : Encoding.UTF8.GetString(Body(random, null)) is var text && IsJsonObject(text) ? text : "{}").RootElement.Clone();

    private static bool IsJsonObject(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static byte[] Body(Random random, Dictionary<string, object?>? valid)
    {
        if (valid is not null)
        {
            return JsonSerializer.SerializeToUtf8Bytes(valid);
        }

        switch (random.Next(8))
        {
            case 0:
                var bytes = new byte[random.Next(1, 200)];
                random.NextBytes(bytes);
                return bytes;
            case 1:
                return Encoding.UTF8.GetBytes("{\"title\":" + new string('[', random.Next(10, 200)));
            case 2:
                return Encoding.UTF8.GetBytes(Pick(random, ["", "null", "[]", "42", "\"x\"", "{", "{}", "{\"a\":}", "{'hazard':'Flood'}"]));
            case 3:
                return Encoding.UTF8.GetBytes("{\"title\":\"" + new string('x', random.Next(1, 400_000)) + "\"}");
            default:
                var fields = new Dictionary<string, object?>();
                for (var f = random.Next(1, 8); f > 0; f--)
                {
                    fields[random.Next(6) == 0 ? Pick(random, Hostile) : Pick(random, Fields)] = random.Next(7) switch
                    {
                        0 => Pick(random, Hostile),
                        1 => random.Next(),
                        2 => random.NextDouble() * 1e308,
                        3 => null,
                        4 => new[] { Pick(random, Hostile) },
                        5 => new Dictionary<string, object?> { ["nested"] = Pick(random, Hostile) },
                        _ => Pick(random, ["Flood", "Extreme", "derna", "Restricted", "Closed", "0", "-1", "2099-01-01T00:00:00Z", "00000000-0000-0000-0000-000000000000"]),
                    };
                }

                return JsonSerializer.SerializeToUtf8Bytes(fields);
        }
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static string Truncate(byte[]? body) => body is null ? "" : Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 200)));
}
