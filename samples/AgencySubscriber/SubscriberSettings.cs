using System.Globalization;

namespace AgencySubscriber;

/// <summary>What the subscriber needs, from environment variables (the administrator's answer when issuing the identity).</summary>
internal sealed record SubscriberSettings(
    string Agency, string Host, ushort Port, string VirtualHost, string UserName, string Password, string Prefix, bool QuorumQueues, string PositionFile, bool Acknowledge)
{
    public string Queue => $"{Prefix}-agency-{Agency}";

    public static SubscriberSettings FromEnvironment()
    {
        static string Get(string name, string? fallback = null) =>
            Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value
            : fallback ?? throw new InvalidOperationException($"Set {name}.");

        var agency = Get("AGENCY");
        return new SubscriberSettings(
            agency,
            Get("BUS_HOST", "localhost"),
            ushort.Parse(Get("BUS_PORT", "5672"), CultureInfo.InvariantCulture),
            Get("BUS_VHOST", "/"),
            Get("BUS_USER"),
            Get("BUS_PASSWORD"),
            Get("BUS_PREFIX", "coordination"),
            bool.Parse(Get("BUS_QUORUM", "false")),
            Get("POSITION_FILE", $"{agency}.position"),
            bool.Parse(Get("ACKNOWLEDGE", "true")));
    }
}
