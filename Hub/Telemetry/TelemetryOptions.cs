namespace Coordination.Hub.Telemetry;

/// <summary>Coordination:Telemetry. What the hub tells its operators about itself; nothing leaves the hub unless asked for.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Coordination:Telemetry";

    /// <summary>Whether the hub measures itself (meters listened to, spans recorded); off only to measure what measuring costs.</summary>
    public bool Metrics { get; set; } = true;

    /// <summary>
    /// The bearer token Prometheus sends to read <c>GET /metrics</c>; empty: the path answers 404. At least 32
    /// characters: it guards figures about the hub, never incident content, but is still a secret.
    /// </summary>
    public string MetricsToken { get; set; } = "";

    /// <summary>An OTLP collector (<c>http://collector:4318</c>) the hub sends its traces to; empty: traces go nowhere.</summary>
    public string OtlpEndpoint { get; set; } = "";
}
