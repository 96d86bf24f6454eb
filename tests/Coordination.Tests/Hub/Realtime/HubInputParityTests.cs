using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Coordination.Agencies.Client;
using Coordination.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Coordination.Tests.Hub.Realtime;

/// <summary>
/// The same command gets the same answer over SignalR as over REST: a body REST refuses (an unknown field, a field
/// sent twice, nesting, an enum name not written exactly) is refused by the hub too, as the same 400 naming the
/// field, and nothing is logged. Sent from a raw SignalR client, as any agency system could, with the body as raw JSON.
/// </summary>
[TestFixture]
public sealed class HubInputParityTests
{
    private HubHost _hub = null!;
    private HttpClient _operatorApi = null!;
    private HttpClient _commander = null!;
    private HubConnection _operatorHub = null!;
    private HubConnection _arabicHub = null!;

    public sealed record BadBody(string Name, string Json, string Names)
    {
        public override string ToString() => Name;
    }

    private const string Flood = """{"hazard":"Flood","severity":"Extreme","title":"فيضان","district":"derna" """;

    public static IEnumerable<BadBody> Bodies() =>
    [
        new("unknown field", Flood + ""","severityy":"Minor"}""", "severityy"),
        new("a field sent twice, the second naming another district", Flood + ""","district":"tripoli"}""", "district"),
        new("a field sent again in other letter case", Flood + ""","District":"tripoli"}""", "District"),
        new("two idempotency keys", """{"eventId":"0b9d3c52-4a8e-4f3e-9a57-1b8f0f1e2a01",""" + Flood[1..] + ""","eventId":"0b9d3c52-4a8e-4f3e-9a57-1b8f0f1e2a02"}""", "eventId"),
        new("an unknown field nested 20 deep", Flood + ""","extra":""" + new string('[', 20) + new string(']', 20) + "}", "extra"),
        new("a known field nested 20 deep", Flood + ""","description":""" + new string('[', 20) + new string(']', 20) + "}", "description"),
        new("an enum name in other letter case", """{"hazard":"Flood","severity":"extreme","title":"x","district":"derna"}""", "severity"),
        new("an enum as a number", """{"hazard":"Flood","severity":3,"title":"x","district":"derna"}""", "severity"),
        new("an enum as a number in a string", """{"hazard":"Flood","severity":"3","title":"x","district":"derna"}""", "severity"),
        new("two enum names at once", """{"hazard":"Flood","severity":"Extreme, Minor","title":"x","district":"derna"}""", "severity"),
        new("an enum name with a space", """{"hazard":"Flood","severity":" Extreme","title":"x","district":"derna"}""", "severity"),
        new("a number as a string", Flood + ""","latitude":"32.7","longitude":22.6}""", "latitude"),
    ];

    [OneTimeSetUp]
    public async Task StartHubAndConnect()
    {
        _hub = await HubHost.StartFreshAsync();
        _operatorApi = await _hub.ClientForAsync("duty.operator");
        _commander = await _hub.ClientForAsync("commander");
        _operatorHub = await RawConnectionAsync("duty.operator", "en");
        _arabicHub = await RawConnectionAsync("duty.operator", "ar");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _operatorHub.DisposeAsync();
        await _arabicHub.DisposeAsync();
        _operatorApi.Dispose();
        _commander.Dispose();
        await _hub.DisposeAsync();
    }

    [TestCaseSource(nameof(Bodies))]
    public async Task A_body_REST_refuses_is_refused_by_the_hub_too_naming_the_field_and_nothing_is_logged(BadBody bad)
    {
        ArgumentNullException.ThrowIfNull(bad);
        var before = await HeadAsync();

        var refused = await HubRefusalAsync(_operatorHub, "ReportIncident", JsonDocument.Parse(bad.Json).RootElement);
        using var rest = await PostAsync(bad.Json);
        var restText = await rest.Content.ReadAsStringAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest), refused.Problem);
            Assert.That(Said(refused), Does.Contain(bad.Names), refused.Problem);
            Assert.That(rest.StatusCode, Is.EqualTo(refused.Status), "REST answers the same body with the same status: " + restText);
            Assert.That(restText, Does.Contain(bad.Names));
            Assert.That(await HeadAsync(), Is.EqualTo(before), "the log did not move");
        });
    }

    [Test]
    public async Task A_field_sent_twice_is_refused_in_the_language_the_connection_asked_for()
    {
        var refused = await HubRefusalAsync(_arabicHub, "ReportIncident", JsonDocument.Parse(Flood + ""","district":"tripoli"}""").RootElement);

        Assert.Multiple(() =>
        {
            Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(refused.Title, Is.EqualTo("تعذّرت قراءة الطلب."));
            Assert.That(refused.Detail, Does.Contain("district").And.Contain("أكثر من مرة"));
        });
    }

    [Test]
    public async Task Arguments_that_cannot_be_read_are_a_400_not_a_generic_error()
    {
        var before = await HeadAsync();
        var ack = JsonDocument.Parse("{}").RootElement;

        var notAnId = await HubRefusalAsync(_operatorHub, "AcknowledgeAlert", "not-a-guid", ack);
        var notANumber = await HubRefusalAsync(_operatorHub, "CatchUp", "x", 10);
        var tooFew = await HubRefusalAsync(_operatorHub, "PostUpdate", ack);

        Assert.Multiple(async () =>
        {
            Assert.That(notAnId.Status, Is.EqualTo(HttpStatusCode.BadRequest), notAnId.Problem);
            Assert.That(notANumber.Status, Is.EqualTo(HttpStatusCode.BadRequest), notANumber.Problem);
            Assert.That(tooFew.Status, Is.EqualTo(HttpStatusCode.BadRequest), tooFew.Problem);
            Assert.That(tooFew.Detail, Does.Contain("PostUpdate"));
            Assert.That(await HeadAsync(), Is.EqualTo(before), "the log did not move");
        });
    }

    [Test]
    public async Task A_good_body_sent_as_raw_JSON_is_still_accepted()
    {
        var result = await _operatorHub.InvokeCoreAsync("ReportIncident", typeof(JsonElement), [JsonDocument.Parse(Flood + "}").RootElement]);

        Assert.That(((JsonElement)result!).GetProperty("position").GetInt64(), Is.GreaterThan(0));
    }

    /// <summary>The refusal a hub call answered with; fails the test when the call was accepted or failed otherwise.</summary>
    private static async Task<CoordinationException> HubRefusalAsync(HubConnection connection, string method, params object?[] args)
    {
        try
        {
            var result = await connection.InvokeCoreAsync(method, typeof(JsonElement), args);
            Assert.Fail($"{method} was accepted: {result}");
            throw new InvalidOperationException("unreachable");
        }
        catch (HubException ex)
        {
            return CoordinationException.FromHub(ex) ?? throw new AssertionException($"{method} failed without a refusal: {ex.Message}");
        }
    }

    private async Task<HttpResponseMessage> PostAsync(string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/incidents")
        {
            Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        return await _operatorApi.SendAsync(request);
    }

    /// <summary>A SignalR client with the default JSON protocol: a JsonElement argument is sent exactly as parsed.</summary>
    private async Task<HubConnection> RawConnectionAsync(string user, string language)
    {
        var token = await _hub.SignInAsync(user);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(_hub.BaseAddress, "hubs/coordination"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.Headers["Accept-Language"] = language;
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    private static string Said(CoordinationException refusal) =>
        string.Join(" | ", new[] { refusal.Detail ?? "" }.Concat(refusal.Errors.Keys).Concat(refusal.Errors.Values.SelectMany(m => m)));

    private async Task<long> HeadAsync() =>
        (await _commander.GetOkAsync("api/log?limit=1")).GetProperty("headPosition").GetInt64();
}
