namespace Coordination.Dispatch.Relay;

/// <summary>Coordination:Relay. How the relay reads the log.</summary>
public sealed class RelayOptions
{
    public const string Section = "Coordination:Relay";

    /// <summary>Entries published per read of the log.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How often to look for entries appended by other processes when nothing signals this one.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often the relay saves how far it has published (and once more at stop). A crash republishes what
    /// was published since the last save; consumers and clients drop what they have already seen.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long one batch may take to publish before the relay gives up and retries it (broker unreachable).</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long the relay's lease lasts. Only the holder publishes; when it dies another hub takes over
    /// once the lease has expired, so this is also the longest pause in publishing after a hub dies.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(10);
}
