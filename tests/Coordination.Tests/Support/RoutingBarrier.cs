using Coordination.Agencies.Contracts.Log;
using Coordination.Persistence.EventLog;

namespace Coordination.Tests.Support;

/// <summary>
/// Proof that the routing consumer has handled every page logged before now, for a check that it appended nothing
/// more: it handles pages one at a time in log order, so once a report logged without alerts has its alerts, every
/// page before that report has been handled.
/// </summary>
public static class RoutingBarrier
{
    /// <summary>Logs the marker report (a flood in Derna), waits for its routing and returns the report's position.</summary>
    public static async Task<long> PassAsync(IEventLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var marker = Guid.CreateVersion7();
        var reported = await log.AppendAsync(marker, ExpectedVersion.NoStream, [SampleEvents.Reported(marker, eventId: Guid.CreateVersion7())], CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(await log.ReadIncidentAsync(marker, CancellationToken.None)).Any(e => e.Type == EventTypes.AgencyAlerted))
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the marker report was not routed in time");
            await Task.Delay(20);
        }

        return reported.FirstPosition;
    }
}
