namespace Coordination.Dispatch.AgencyBus;

/// <summary>Coordination:AgencyBus. Agencies whose own systems read a durable queue of their own on RabbitMQ.</summary>
public sealed class AgencyBusOptions
{
    public const string Section = "Coordination:AgencyBus";

    /// <summary>
    /// The codes of the agencies with a system subscriber: each gets a durable queue of the entries it may see.
    /// Empty (the default) turns the feature off; it needs <c>Coordination:Bus:Transport=RabbitMq</c>.
    /// </summary>
    public string[] Agencies { get; set; } = [];

    /// <summary>
    /// RabbitMQ's management API, through which the hub gives each agency's system its own broker user (as
    /// <c>Coordination:Bus:Username</c>, who must be an administrator of the broker). Empty: <c>http://{Bus:Host}:15672/</c>.
    /// </summary>
    public string ManagementUrl { get; set; } = string.Empty;
}
