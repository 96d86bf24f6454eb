using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Realtime;
using Coordination.Testing;
using Coordination.Tests.Hub.Console;
using Coordination.Tests.Support;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Coordination.Tests.EndToEnd;

/// <summary>
/// deploy/nginx.conf itself, in Debian's nginx on loopback, in front of two hub processes that share one SQLite
/// folder and one RabbitMQ broker, as compose's proxy stands in front of hub-a and hub-b: HTTPS with a certificate the
/// test makes (and its clients pin), sign-in, REST and SignalR over WebSockets through it, the console in chromium
/// through it, an access log without tokens, and the client's address reaching the hubs.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class ProxyTests : RabbitMqFixture
{
    /// <summary>Low enough to reach in a test, above the sign-ins the other tests make from 127.0.0.1.</summary>
    private const int SignInsPerMinute = 20;

    private TempDirectory _data = null!;
    private HubProcess _a = null!;
    private HubProcess _b = null!;
    private TestCertificate _certificate = null!;
    private NginxProxy _proxy = null!;

    [OneTimeSetUp]
    public async Task StartHubsAndProxyAsync()
    {
        if (!NginxProxy.IsInstalled)
        {
            Assert.Fail($"{NginxProxy.NginxPath} is missing: run the README's test command (bash tools/test.sh), which installs Debian's nginx package.");
        }

        _data = new TempDirectory();
        var settings = BusSettings();
        // As compose sets it for hub-a and hub-b: the client's address is taken from X-Forwarded-For.
        settings["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true";
        settings["Coordination:Security:SignInsPerMinute"] = SignInsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Coordination:Telemetry:MetricsToken"] = MetricsToken;
        _a = new HubProcess(_data.Path, settings);
        _b = new HubProcess(_data.Path, settings);
        await Task.WhenAll(_a.StartAsync(), _b.StartAsync());
        _certificate = TestCertificate.Create();
        _proxy = await NginxProxy.StartAsync(Path.Combine(RepositoryRoot.Folder, "deploy", "nginx.conf"), [_a.Port, _b.Port], _certificate);
    }

    [OneTimeTearDown]
    public async Task StopHubsAndProxyAsync()
    {
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        if (_a is not null)
        {
            await _a.DisposeAsync();
        }

        if (_b is not null)
        {
            await _b.DisposeAsync();
        }

        _certificate?.Dispose();
        _data?.Dispose();
    }

    private const string MetricsToken = "proxy-metrics-token-0123456789abcdefghij";

    [Test]
    public async Task Each_hub_s_metrics_are_read_through_the_proxy_on_a_path_of_its_own_with_the_metrics_token()
    {
        using var http = new HttpClient(_certificate.PinnedHandler()) { BaseAddress = _proxy.BaseAddress };
        var scrapes = new List<string>();
        foreach (var path in new[] { "metrics/a", "metrics/b" })
        {
            using var anonymous = await http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), path);
            using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", MetricsToken) } };
            using var answer = await http.SendAsync(request);
            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
            scrapes.Add(await answer.Content.ReadAsStringAsync());
        }

        // Only the hub holding the relay lease reports the relay's lag: one scrape has it, so each path reached its own hub.
        await WaitForPublisherAsync(http);
        Assert.That(scrapes.Count(s => s.Contains("\ncoordination_relay_lag ", StringComparison.Ordinal)), Is.LessThanOrEqualTo(1));
        using var merged = new HttpRequestMessage(HttpMethod.Get, "metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", MetricsToken) } };
        using var mergedAnswer = await http.SendAsync(merged);
        Assert.That(mergedAnswer.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "through the balancer a scrape would reach either hub: /metrics is not served there");
    }

    /// <summary>Scrapes both hubs until one of them reports the relay's lag (the lease is taken a moment after start), and checks only one does.</summary>
    private static async Task WaitForPublisherAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var publishers = 0;
            foreach (var path in new[] { "metrics/a", "metrics/b" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", MetricsToken) } };
                using var answer = await http.SendAsync(request);
                publishers += (await answer.Content.ReadAsStringAsync()).Contains("\ncoordination_relay_lag ", StringComparison.Ordinal) ? 1 : 0;
            }

            if (publishers == 1)
            {
                return;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"{publishers} hubs report the relay's lag: one holds the lease");
            await Task.Delay(100);
        }
    }

    [Test]
    public async Task Plain_http_is_sent_to_https_with_its_path()
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var response = await http.GetAsync(new Uri(_proxy.PlainAddress, "api/alerts?after=3"));
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MovedPermanently));
            // $host carries no port: in production the HTTPS address is port 443's.
            Assert.That(response.Headers.Location, Is.EqualTo(new Uri("https://127.0.0.1/api/alerts?after=3")));
        });
    }

    [Test]
    public async Task A_liaison_through_the_proxy_signs_in_calls_the_API_and_gets_live_over_WebSockets_the_alerts_reported_to_either_hub()
    {
        using var http = new HttpClient(_certificate.PinnedHandler()) { BaseAddress = _proxy.BaseAddress };
        var token = await SignInAsync(http, "liaison.ncem");

        using var me = new HttpRequestMessage(HttpMethod.Get, "api/auth/me") { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var answer = await http.SendAsync(me);
        var body = await answer.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(body, Does.Contain("liaison.ncem"));
            Assert.That(answer.Version, Is.EqualTo(HttpVersion.Version20), "the proxy speaks HTTP/2 on its HTTPS port");
            Assert.That(answer.Headers.GetValues("Strict-Transport-Security"), Does.Contain("max-age=31536000"));
        });

        var received = new List<LogEntry>();
        var both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var incidents = new HashSet<Guid>();
        await using var liaison = new HubConnectionBuilder()
            .WithUrl(new Uri(_proxy.BaseAddress, HubPaths.Coordination.TrimStart('/')), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = false;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                // Negotiation over HTTPS and the WebSocket's own TLS both accept the test's certificate, and only it.
                o.HttpMessageHandlerFactory = _ => _certificate.PinnedHandler();
                o.WebSocketConfiguration = ws => ws.RemoteCertificateValidationCallback = _certificate.Pin;
            })
            .AddJsonProtocol(o => ContractJson.Apply(o.PayloadSerializerOptions))
            .Build();
        liaison.On<LogEntry[], long>(nameof(ICoordinationClient.EntriesAppended), (entries, _) =>
        {
            lock (received)
            {
                received.AddRange(entries);
                if (incidents.Count == 2 && incidents.All(id => received.Any(e => e.IncidentId == id && e.Type == EventTypes.AgencyAlerted)))
                {
                    both.TrySetResult();
                }
            }
        });
        await liaison.StartAsync();

        var onA = await ReportDirectlyAsync(_a, "فيضان مبلغ عنه في المركز الأول");
        var onB = await ReportDirectlyAsync(_b, "فيضان مبلغ عنه في المركز الثاني");
        lock (received)
        {
            incidents.Add(onA);
            incidents.Add(onB);
            if (incidents.All(id => received.Any(e => e.IncidentId == id && e.Type == EventTypes.AgencyAlerted)))
            {
                both.TrySetResult();
            }
        }

        await both.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await liaison.StopAsync();

        // The WebSocket's line is written when its tunnel closes.
        var log = await _proxy.WaitForAccessLogAsync(DotNetWebSocketLine(), TimeSpan.FromSeconds(10));
        AssertNoTokens(log);
        Assert.That(log, Has.Some.Match(@"""POST /api/auth/token HTTP/[\d.]+"" 200 ").And.Some.Match(@"""POST /hubs/coordination/negotiate HTTP/[\d.]+"" 200 "));
    }

    [Test]
    public async Task The_console_through_the_proxy_goes_live_shows_the_alerts_reported_to_either_hub_and_leaves_its_token_out_of_the_access_log()
    {
        // Chromium trusts the test's certificate by its key alone; any other certificate stays an error.
        await using var browser = await ConsoleBrowser.StartAsync(_proxy.BaseAddress, _certificate.ChromiumSwitch);
        var page = await browser.SignInAsync("liaison.ncem", "en");

        var titles = new[] { $"Flood reported to hub A {Guid.NewGuid():N}"[..32], $"Flood reported to hub B {Guid.NewGuid():N}"[..32] };
        await ReportDirectlyAsync(_a, titles[0]);
        await ReportDirectlyAsync(_b, titles[1]);
        foreach (var title in titles)
        {
            await Expect(page.Locator("#inbox li.alert", new() { HasText = title })).ToBeVisibleAsync();
        }

        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
        await page.Context.CloseAsync();

        // A browser's WebSocket carries its token in the query string (access_token=...); the log must not.
        var log = await _proxy.WaitForAccessLogAsync(BrowserWebSocketLine(), TimeSpan.FromSeconds(10));
        AssertNoTokens(log);
    }

    [Test]
    public async Task The_hubs_count_sign_ins_by_the_address_nginx_forwards_not_by_the_proxy()
    {
        // Every client here is on loopback, as nginx itself is; clients from 127.0.0.2 and 127.0.0.3 stand for two
        // people. ip_hash keys on the first three octets, so both reach the same hub.
        using var first = new HttpClient(From(IPAddress.Parse("127.0.0.2"))) { BaseAddress = _proxy.BaseAddress };
        using var second = new HttpClient(From(IPAddress.Parse("127.0.0.3"))) { BaseAddress = _proxy.BaseAddress };
        // Counted before the request is validated, so an empty password spends an attempt without a password hash.
        var attempt = new { userName = "somebody", password = "" };
        for (var i = 0; i < SignInsPerMinute; i++)
        {
            using var allowed = await first.PostAsJsonAsync("api/auth/token", attempt);
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), $"attempt {i + 1} of {SignInsPerMinute} from 127.0.0.2");
        }

        using var refused = await first.PostAsJsonAsync("api/auth/token", attempt);
        using var other = await second.PostAsJsonAsync("api/auth/token", attempt);
        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "127.0.0.2 has used its attempts");
            // Were the hub to count the proxy's own address, 127.0.0.3 would share 127.0.0.2's spent limit.
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "127.0.0.3's attempts are its own");
        });
    }

    /// <summary>The duty office reports a flood in Derna straight to <paramref name="hub"/>'s own port, not through the proxy.</summary>
    private static async Task<Guid> ReportDirectlyAsync(HubProcess hub, string title)
    {
        using var http = new HttpClient { BaseAddress = hub.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignInAsync(http, "duty.operator"));
        var report = await http.PostOkAsync("api/incidents", ApiCalls.DernaFlood(title));
        return report.GetProperty("incidentId").GetGuid();
    }

    private static async Task<string> SignInAsync(HttpClient http, string userName)
    {
        using var response = await http.PostAsJsonAsync("api/auth/token", new { userName, password = HubProcess.SamplePassword });
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        using var body = JsonDocument.Parse(text);
        return body.RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>Connects from <paramref name="source"/> (any 127.x address is loopback), accepting the test's certificate alone.</summary>
    private SocketsHttpHandler From(IPAddress source)
    {
        var handler = _certificate.PinnedHandler();
        handler.ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
        return handler;
    }

    private static void AssertNoTokens(string[] log)
    {
        var text = string.Join('\n', log);
        Assert.Multiple(() =>
        {
            Assert.That(log, Has.Some.Contain("/hubs/coordination"), "the hub's path is logged");
            Assert.That(text, Does.Not.Contain("access_token"), "the access log names no token parameter");
            // Every JWT starts with the base64 of '{"': the header's opening.
            Assert.That(text, Does.Not.Contain("eyJ"), "the access log holds no token");
        });
    }


    /// <summary>The .NET client's WebSocket through the proxy: the hub's path, upgraded (101), and its user agent.</summary>
    [GeneratedRegex(@"""GET /hubs/coordination HTTP/1\.1"" 101 .*""Microsoft SignalR/")]
    private static partial Regex DotNetWebSocketLine();

    /// <summary>Chromium's WebSocket through the proxy: the hub's path, upgraded (101), and its user agent.</summary>
    [GeneratedRegex(@"""GET /hubs/coordination HTTP/1\.1"" 101 .*Chrome/")]
    private static partial Regex BrowserWebSocketLine();
}
