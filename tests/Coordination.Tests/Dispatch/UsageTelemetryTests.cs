using System.Net;
using Coordination.Tests.Support;
using MassTransit;
using MassTransit.UsageTracking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coordination.Tests.Dispatch;

/// <summary>
/// The hub never reaches outside its own network on its own: MassTransit's usage telemetry (a report of the bus's
/// shape to the vendor, on by default in 8.5) is off.
/// </summary>
[TestFixture]
public sealed class UsageTelemetryTests
{
    [Test]
    public async Task The_bus_never_reports_usage_telemetry()
    {
        var log = new CapturedLog();
        var hub = await HubHost.StartFreshAsync(
            new Dictionary<string, string?> { ["Logging:LogLevel:MassTransit"] = "Information" },
            services: s =>
            {
                s.AddSingleton<ILoggerProvider>(log);
                // MassTransit waits at least 30 s after the bus starts before it reports, or reports as the bus stops when
                // told to: so a report, if any, is logged ("Usage Telemetry: {json}", then "Failed to report usage
                // telemetry" where there is no way out) before the hub has stopped.
                s.Configure<UsageTelemetryOptions>(o => o.ReportOnShutdown = true);
            });
        bool trackerEnabled;
        try
        {
            trackerEnabled = hub.Services.GetRequiredService<IUsageTracker>() is UsageTracker { Enabled: true };
            using var ready = await hub.Http.GetAsync(new Uri("health/ready", UriKind.Relative));
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the bus has started");
        }
        finally
        {
            // Stopping waits for a report under way (MassTransit's tracker awaits it when disposed).
            await hub.DisposeAsync();
        }

        Assert.Multiple(() =>
        {
            Assert.That(trackerEnabled, Is.False, "MassTransit's usage tracker is off");
            Assert.That(log.Lines.Where(l => l.Category.StartsWith("MassTransit", StringComparison.Ordinal)), Is.Not.Empty, "MassTransit's information lines are captured");
            Assert.That(log.Lines.Where(l => l.Message.Contains("usage telemetry", StringComparison.OrdinalIgnoreCase)), Is.Empty, log.Text);
        });
    }
}
