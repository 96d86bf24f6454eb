using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Coordination.Hub.Features.Register;
using Coordination.Testing;
using Coordination.Tests.Support;

namespace Coordination.Tests.Hub.Telemetry;

/// <summary>
/// A report's spans reach the operators' own collector (OTLP over HTTP) when one is configured: the request, the
/// append, the relay's page, MassTransit's publish and consume, and the push; with none configured, nothing is sent.
/// </summary>
[TestFixture]
public sealed class TracesTests
{
    [Test]
    public async Task A_report_is_traced_from_its_request_through_the_append_and_the_relay_to_the_push()
    {
        string[] expected = ["POST /api/incidents", "log.append", "relay.publish", "hub.push", "coordination.incident_id", "coordination.position"];
        using var collector = new Collector();
        await using (var hub = await HubHost.StartFreshAsync(new Dictionary<string, string?> { ["Coordination:Telemetry:OtlpEndpoint"] = collector.Address }))
        {
            using var duty = await hub.ClientForAsync("duty.operator");
            using var ncem = await hub.ClientForAsync("liaison.ncem");
            await duty.PostOkAsync("api/incidents", ApiCalls.DernaFlood());
            await ncem.WaitForAlertsAsync();
            // Spans are exported in batches, on the exporter's own schedule: wait until the collector has been sent
            // every one expected (or a generous deadline), rather than trusting the stop's flush alone.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!expected.All(collector.Text.Contains) && DateTime.UtcNow < deadline)
            {
                await collector.NextAsync(deadline - DateTime.UtcNow);
            }
        }

        var sent = collector.Text;
        Assert.Multiple(() =>
        {
            Assert.That(collector.Paths, Is.Not.Empty.And.All.EqualTo("/v1/traces"));
            foreach (var span in expected)
            {
                Assert.That(sent, Does.Contain(span), $"the span or attribute {span}");
            }

            Assert.That(sent, Does.Not.Contain("انهيار"), "no incident text in a span");
        });
    }

    [Test]
    public async Task An_import_changing_two_risks_is_one_append_whose_span_names_both()
    {
        var sample = RegisterSeed.Sample();
        var changed = sample.Where(r => r.Code is "flood-derna-dams" or "sea-rescue-zuwara")
            .Select(r => r with { ControlsEn = r.ControlsEn + " Reviewed." }).ToArray();
        var ids = changed.Select(r => RiskWriter.IdFor(r.Code!).ToString()).ToArray();
        using var collector = new Collector();
        await using (var hub = await HubHost.StartFreshAsync(new Dictionary<string, string?> { ["Coordination:Telemetry:OtlpEndpoint"] = collector.Address }))
        {
            using var admin = await hub.ClientForAsync("admin");
            using var response = await admin.PostAsync(new Uri("api/register/import?reason=annual-review", UriKind.Relative),
                new StringContent(RegisterCsv.Write(changed.Select(r => r.ToRisk(RiskWriter.IdFor(r.Code!)))), Encoding.UTF8, "text/csv"));
            Assert.That(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!(collector.Text.Contains("coordination.stream_ids", StringComparison.Ordinal) && ids.All(collector.Text.Contains)) && DateTime.UtcNow < deadline)
            {
                await collector.NextAsync(deadline - DateTime.UtcNow);
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(collector.Text, Does.Contain("coordination.stream_ids"));
            foreach (var id in ids)
            {
                Assert.That(collector.Text, Does.Contain(id), "each risk's stream named");
            }
        });
    }

    /// <summary>An OTLP/HTTP endpoint on loopback that keeps what it is sent (protobuf: span names and attribute keys are UTF-8 inside).</summary>
    private sealed class Collector : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentQueue<(string Path, byte[] Body)> _received = new();
        private readonly SemaphoreSlim _arrived = new(0);
        private readonly Task _loop;

        public Collector()
        {
            Address = $"http://127.0.0.1:{Ports.Free()}/";
            _listener.Prefixes.Add(Address);
            _listener.Start();
            _loop = Task.Run(ServeAsync);
        }

        public string Address { get; }

        public IReadOnlyList<string> Paths => [.. _received.Select(r => r.Path)];

        public string Text => string.Concat(_received.Select(r => Encoding.UTF8.GetString(r.Body)));

        /// <summary>Waits for the next export to arrive, at most <paramref name="timeout"/>; false when none came.</summary>
        public Task<bool> NextAsync(TimeSpan timeout) => _arrived.WaitAsync(timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero);

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                _received.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
                _arrived.Release();
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            _loop.Wait(TimeSpan.FromSeconds(5));
            _arrived.Dispose();
        }
    }
}
