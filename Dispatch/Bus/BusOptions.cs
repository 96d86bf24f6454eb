namespace Coordination.Dispatch.Bus;

/// <summary>Coordination:Bus. Which transport carries log entries between the relay and the consumers.</summary>
public sealed class BusOptions
{
    public const string Section = "Coordination:Bus";

    /// <summary>InMemory (embedded default, one process) or RabbitMq (production, several hubs).</summary>
    public string Transport { get; set; } = "InMemory";

    public string Host { get; set; } = "localhost";

    public ushort Port { get; set; } = 5672;

    public string VirtualHost { get; set; } = "/";

    public string Username { get; set; } = "guest";

    public string Password { get; set; } = "guest";

    /// <summary>Declare the shared routing queue as a quorum queue (replicated: set on a RabbitMQ cluster, from the first start).</summary>
    public bool QuorumQueues { get; set; }

    /// <summary>Prefix for exchanges and queues, so several deployments (or test runs) can share a broker.</summary>
    public string QueuePrefix { get; set; } = "coordination";
}
