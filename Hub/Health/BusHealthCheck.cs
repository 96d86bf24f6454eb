using Coordination.Dispatch.Relay;
using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Coordination.Hub.Health;

/// <summary>Ready only when the bus is connected and the relay is publishing.</summary>
public sealed class BusHealthCheck(IBusControl bus, LogRelay relay) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = bus.CheckHealth();
        var result = health.Status != BusHealthStatus.Healthy
            ? HealthCheckResult.Unhealthy($"bus is {health.Status}: {health.Description}")
            : relay.IsFaulted
                ? HealthCheckResult.Unhealthy($"relay cannot publish (published up to position {relay.PublishedPosition})")
                : HealthCheckResult.Healthy(relay.IsPublisher
                    ? $"this hub's relay published up to position {relay.PublishedPosition}"
                    : "another hub holds the relay lease; this one stands by");
        return Task.FromResult(result);
    }
}
