using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Coordination.Agencies.Contracts.Incidents;
using Coordination.Agencies.Contracts.Log;
using Coordination.Persistence.EventLog;
using Coordination.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Coordination.Tests.Hub.Api;

/// <summary>
/// Partners' CAP Atom feeds polled on the hub's clock, served by a local Kestrel the test controls: each new entry's
/// message (embedded, or linked; signed, in Arabic and English, or in French and Latin-1) is taken in once even by
/// two hubs polling together, an Update and a Cancel that arrive later update and close their incidents, an
/// unchanged feed is answered 304, and a feed that redirects elsewhere, is too big, too slow or gone is reported to
/// administrators while the hub goes on.
/// </summary>
[TestFixture]
public sealed class CapFeedPollingTests
{
    private const string Met = "urn:oid:2.49.0.0.434.0";
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(7);

    [Test]
    public async Task Two_hubs_polling_one_feed_take_each_message_in_once_follow_its_updates_and_cancels_and_are_answered_304_when_nothing_changed()
    {
        using var data = new TempDirectory();
        using var signer = new CapSigner("Libyan National Meteorological Center");
        await using var server = await FeedServer.StartAsync();
        var clock = new FeedClock();
        var alertA = signer.Sign(CapTrustTests.Warning(Met, out var referenceA));
        var alertB = signer.Sign(FrenchWarning("Alert", null, out var referenceB));
        server.Messages["b"] = Encoding.Latin1.GetBytes(alertB);
        server.Messages["c"] = Encoding.UTF8.GetBytes(CapTrustTests.Warning(Met, out _)); // unsigned: the sender must sign
        server.Feed = Feed(Embedded("a", alertA), Linked("b"), Linked("c"));
        var settings = new Dictionary<string, string?>
        {
            ["Coordination:Cap:Senders:0:Id"] = Met,
            ["Coordination:Cap:Senders:0:RequireSignature"] = "true",
            ["Coordination:Cap:Senders:0:Certificates:0"] = signer.WritePem(Path.Combine(data.Path, "met.pem")),
            ["Coordination:Cap:Feeds:0:Name"] = "met",
            ["Coordination:Cap:Feeds:0:Url"] = new Uri(server.Address, "feed.xml").ToString(),
            ["Coordination:Cap:Feeds:0:Sender"] = Met,
            ["Coordination:Cap:Feeds:0:Interval"] = Interval.ToString(),
        };

        await using var first = await HubHost.StartAsync(data.Path, settings, clock);
        await using var second = await HubHost.StartAsync(data.Path, settings, clock);
        await clock.WaitForWaitsOfAsync(Interval, 2); // each hub has polled once
        var log = first.Services.GetRequiredService<IEventLog>();
        var reports = (await log.ReadAfterAsync(0, 10_000, default)).Where(e => e.Type == EventTypes.IncidentReported).ToList();
        using var admin = await first.ClientForAsync("admin");
        using var secondAdmin = await second.ClientForAsync("admin");
        var feeds = new[] { await FeedStateAsync(admin), await FeedStateAsync(secondAdmin) };
        Assert.Multiple(() =>
        {
            Assert.That(reports, Has.Count.EqualTo(2), "A and B once each, though two hubs polled; C refused");
            Assert.That(reports.Select(r => r.Metadata.Actor), Is.All.EqualTo("cap-feed:met"), "marked with its source");
            Assert.That(reports.Select(r => r.DataAs<IncidentReported>().Location.District), Is.EquivalentTo(new[] { "jabal-akhdar", "tripoli" }));
            Assert.That(feeds.Sum(f => f.GetProperty("messagesTakenIn").GetInt64()), Is.EqualTo(2), "one hub took each in, the other found it there");
            Assert.That(feeds.Select(f => f.GetProperty("lastError").GetString()), Is.All.Contain("must sign its messages"), "the unsigned entry is reported");
            Assert.That(feeds.Select(f => f.GetProperty("lastStatus").GetInt32()), Is.All.EqualTo(200));
        });

        // Later the centre raises A and cancels B.
        var incidentA = reports.Single(r => r.DataAs<IncidentReported>().Location.District == "jabal-akhdar").IncidentId;
        var incidentB = reports.Single(r => r.DataAs<IncidentReported>().Location.District == "tripoli").IncidentId;
        server.Messages["e"] = Encoding.Latin1.GetBytes(signer.Sign(FrenchWarning("Cancel", referenceB, out _)));
        server.Feed = Feed(Embedded("a", alertA), Linked("b"), Linked("c"),
            Embedded("d", signer.Sign(CapTrustTests.Warning(Met, out _, msgType: "Update", references: referenceA, severity: "Extreme"))), Linked("e"));
        clock.Advance(Interval);
        await clock.WaitForWaitsOfAsync(Interval, 2);
        using var duty = await first.ClientForAsync("duty.operator");
        var a = (await duty.GetOkAsync($"api/incidents/{incidentA}")).GetProperty("incident");
        var b = (await duty.GetOkAsync($"api/incidents/{incidentB}")).GetProperty("incident");
        var entries = await log.ReadAfterAsync(0, 10_000, default);
        Assert.Multiple(() =>
        {
            Assert.That(a.GetProperty("severity").GetString(), Is.EqualTo("Extreme"));
            Assert.That(b.GetProperty("status").GetString(), Is.EqualTo("Closed"));
            Assert.That(entries.Count(e => e.Type == EventTypes.IncidentUpdated), Is.EqualTo(1));
            Assert.That(entries.Count(e => e.Type == EventTypes.IncidentStatusChanged), Is.EqualTo(1));
        });

        // Nothing new: both hubs ask conditionally and are answered 304.
        var notModified = server.NotModified;
        clock.Advance(Interval);
        await clock.WaitForWaitsOfAsync(Interval, 2);
        Assert.Multiple(async () =>
        {
            Assert.That(server.NotModified - notModified, Is.EqualTo(2));
            Assert.That((await FeedStateAsync(admin)).GetProperty("lastStatus").GetInt32(), Is.EqualTo(304));
            // (Escalations of the unacknowledged alerts may be, on the clock moved on.)
            Assert.That((await log.ReadAfterAsync(0, 10_000, default)).Count(FromTheFeed), Is.EqualTo(entries.Count(FromTheFeed)), "nothing taken in again");
        });
    }

    [Test]
    public async Task A_feed_that_redirects_to_another_host_is_too_big_too_slow_or_gone_is_reported_to_administrators_and_the_hub_goes_on()
    {
        await using var server = await FeedServer.StartAsync();
        var clock = new FeedClock();
        var closed = new Uri($"http://127.0.0.1:{FreePort()}/feed.xml");
        var feeds = new (string Name, string Url, TimeSpan Interval)[]
        {
            ("away", new Uri(server.Address, "away").ToString(), TimeSpan.FromMinutes(11)),
            ("big", new Uri(server.Address, "big").ToString(), TimeSpan.FromMinutes(13)),
            ("slow", new Uri(server.Address, "slow").ToString(), TimeSpan.FromMinutes(17)),
            ("gone", closed.ToString(), TimeSpan.FromMinutes(19)),
            ("moved", new Uri(server.Address, "moved").ToString(), TimeSpan.FromMinutes(23)),
        };
        var settings = new Dictionary<string, string?> { ["Coordination:Cap:FeedTimeout"] = "00:00:20", ["Coordination:Cap:FeedMaxBytes"] = "50000" };
        for (var i = 0; i < feeds.Length; i++)
        {
            settings[$"Coordination:Cap:Feeds:{i}:Name"] = feeds[i].Name;
            settings[$"Coordination:Cap:Feeds:{i}:Url"] = feeds[i].Url;
            settings[$"Coordination:Cap:Feeds:{i}:Sender"] = Met;
            settings[$"Coordination:Cap:Feeds:{i}:Interval"] = feeds[i].Interval.ToString();
        }

        server.Feed = Feed(); // an empty feed, reached through a redirect on the same host
        await using var hub = await HubHost.StartFreshAsync(settings, clock);
        await clock.WaitForWaitsOfAsync(TimeSpan.FromSeconds(20), feeds.Length); // every feed's first fetch is under way, the slow one's too
        clock.Advance(TimeSpan.FromSeconds(20));
        foreach (var feed in feeds)
        {
            await clock.WaitForWaitsOfAsync(feed.Interval, 1);
        }

        using var admin = await hub.ClientForAsync("admin");
        var states = (await admin.GetOkAsync("api/admin/cap-feeds")).EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        string? Error(string name) => states[name].GetProperty("lastError").GetString();
        Assert.Multiple(async () =>
        {
            Assert.That(Error("away"), Does.Contain("another host"));
            Assert.That(Error("big"), Does.Contain("FeedMaxBytes"));
            Assert.That(Error("slow"), Does.Contain("FeedTimeout"));
            Assert.That(Error("gone"), Does.Contain("could not be fetched"));
            Assert.That(Error("moved"), Is.Null, "a redirect on the feed's own host is followed");
            Assert.That(states["moved"].GetProperty("lastStatus").GetInt32(), Is.EqualTo(200));
            Assert.That(states.Values.Select(s => s.GetProperty("lastPollAt").ValueKind), Is.All.EqualTo(JsonValueKind.String));
            using var duty = await hub.ClientForAsync("duty.operator");
            await duty.PostOkAsync("api/incidents", new { hazard = "Flood", severity = "Minor", title = "بلاغ", district = "derna" });
        });
        using var operatorClient = await hub.ClientForAsync("duty.operator");
        using var refused = await operatorClient.GetAsync(new Uri("api/admin/cap-feeds", UriKind.Relative));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    private static bool FromTheFeed(LogEntry entry) => entry.Metadata.Actor == "cap-feed:met";

    private static async Task<JsonElement> FeedStateAsync(HttpClient admin) => (await admin.GetOkAsync("api/admin/cap-feeds")).EnumerateArray().Single();

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A warning as a francophone service publishes one, in Latin-1: French and English, the district by name.</summary>
    private static string FrenchWarning(string msgType, string? references, out string reference)
    {
        var identifier = $"LY-MET-{Guid.NewGuid():N}";
        var sent = DateTimeOffset.UtcNow.AddMinutes(-1).ToOffset(TimeSpan.FromHours(1)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        reference = $"{Met},{identifier},{sent}";
        return $"""
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
              <identifier>{identifier}</identifier>
              <sender>{Met}</sender>
              <sent>{sent}</sent>
              <status>Actual</status>
              <msgType>{msgType}</msgType>
              <scope>Public</scope>{(references is null ? "" : $"\n  <references>{references}</references>")}
              <info>
                <language>fr-FR</language>
                <category>Met</category>
                <event>Tempête de sable</event>
                <urgency>Expected</urgency>
                <severity>Moderate</severity>
                <certainty>Likely</certainty>
                <headline>Vigilance tempête de sable à Tripoli</headline>
                <description>Visibilité réduite à moins de 500 m, rafales à 70 km/h.</description>
                <area><areaDesc>Tripoli et ses environs</areaDesc></area>
              </info>
              <info>
                <language>en-GB</language>
                <category>Met</category>
                <event>Sandstorm</event>
                <urgency>Expected</urgency>
                <severity>Moderate</severity>
                <certainty>Likely</certainty>
                <headline>Sandstorm warning for Tripoli</headline>
                <area><areaDesc>Tripoli</areaDesc></area>
              </info>
            </alert>
            """;
    }

    private static string Bare(string xml) => Regex.Replace(xml, @"^\s*<\?xml[^>]*\?>\s*", "");

    private static string Embedded(string id, string alert) =>
        $"<entry><id>urn:ly:met:{id}</id><title>{id}</title><updated>2026-01-01T00:00:00Z</updated><content type=\"application/cap+xml\">{Bare(alert)}</content></entry>";

    private static string Linked(string id) =>
        $"<entry><id>urn:ly:met:{id}</id><title>{id}</title><updated>2026-01-01T00:00:00Z</updated><link rel=\"alternate\" type=\"application/cap+xml\" href=\"messages/{id}\"/></entry>";

    private static string Feed(params string[] entries) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><id>urn:ly:met:warnings</id><title>Warnings</title><updated>2026-01-01T00:00:00Z</updated>{string.Concat(entries)}</feed>";

    /// <summary>
    /// A fake clock that tells which one-shot waits have started on it (a poller's interval, a fetch's time limit) and
    /// keeps each until a test claims it, whatever order they start in.
    /// </summary>
    private sealed class FeedClock() : FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()))
    {
        private readonly Channel<TimeSpan> _started = Channel.CreateUnbounded<TimeSpan>();
        private readonly List<TimeSpan> _unclaimed = [];

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            if (period == Timeout.InfiniteTimeSpan && dueTime > TimeSpan.Zero)
            {
                _started.Writer.TryWrite(dueTime);
            }

            return timer;
        }

        /// <summary>Waits until <paramref name="waits"/> waits of exactly <paramref name="due"/> have started since the last claimed, and claims them.</summary>
        public async Task WaitForWaitsOfAsync(TimeSpan due, int waits)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                while (true)
                {
                    while (_started.Reader.TryRead(out var started))
                    {
                        _unclaimed.Add(started);
                    }

                    if (_unclaimed.Count(d => d == due) >= waits)
                    {
                        for (var i = 0; i < waits; i++)
                        {
                            _unclaimed.Remove(due);
                        }

                        return;
                    }

                    await _started.Reader.WaitToReadAsync(timeout.Token);
                }
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"fewer than {waits} waits of {due} started on the clock");
            }
        }
    }

    /// <summary>A partner's web server on loopback: the feed (with its ETag), the messages it links to, and the ways feeds go wrong.</summary>
    private sealed class FeedServer(WebApplication app, Uri address) : IAsyncDisposable
    {
        private int _notModified;

        public Uri Address { get; } = address;

        public string Feed { get; set; } = "";

        public Dictionary<string, byte[]> Messages { get; } = [];

        public int NotModified => Volatile.Read(ref _notModified);

        public static async Task<FeedServer> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            FeedServer? server = null;
            app.MapGet("/feed.xml", (HttpContext http) =>
            {
                var etag = $"\"{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(server!.Feed)))[..16]}\"";
                if (http.Request.Headers.IfNoneMatch == etag)
                {
                    Interlocked.Increment(ref server._notModified);
                    return Results.StatusCode(StatusCodes.Status304NotModified);
                }

                http.Response.Headers.ETag = etag;
                return Results.Bytes(Encoding.UTF8.GetBytes(server.Feed), "application/atom+xml");
            });
            app.MapGet("/messages/{id}", (string id) => server!.Messages.TryGetValue(id, out var body) ? Results.Bytes(body, "application/cap+xml") : Results.NotFound());
            app.MapGet("/moved", () => Results.Redirect("/feed.xml"));
            app.MapGet("/away", () => Results.Redirect($"http://localhost:{server!.Address.Port}/feed.xml")); // another host name for the same server
            app.MapGet("/big", () => Results.Bytes(new byte[60_000], "application/atom+xml"));
            app.MapGet("/slow", async (HttpContext http) => await Task.Delay(Timeout.Infinite, http.RequestAborted));
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            server = new FeedServer(app, new Uri(address + "/"));
            return server;
        }

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }
}
