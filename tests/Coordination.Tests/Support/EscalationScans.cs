using Coordination.Dispatch.Escalation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Coordination.Tests.Support;

public static class EscalationScans
{
    /// <summary>Scans the hub's escalations now: once it returns, whatever is due at the clock's time is in the log, whichever scan appended it.</summary>
    public static Task<int> ScanEscalationsAsync(this HubHost hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        return hub.Services.GetServices<IHostedService>().OfType<EscalationScanner>().Single().ScanAsync(default);
    }
}
