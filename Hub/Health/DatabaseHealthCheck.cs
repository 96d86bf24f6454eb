using Coordination.Persistence.EventLog;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Coordination.Hub.Health;

/// <summary>Ready only when the log can be read.</summary>
public sealed class DatabaseHealthCheck(IEventLog log) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var head = await log.HeadPositionAsync(cancellationToken);
            return HealthCheckResult.Healthy($"log head at position {head}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("the event log cannot be read", ex);
        }
    }
}
