using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Seals;
using Microsoft.Extensions.Logging;

namespace Coordination.Agencies.Client;

/// <summary>How a <see cref="CoordinationClient"/> behaves.</summary>
public sealed class CoordinationClientOptions
{
    /// <summary>The last position this client already applied (kept by the caller across runs); 0 to start from the beginning.</summary>
    public long StartAfter { get; set; }

    /// <summary>Keep every applied and received entry in memory (<see cref="CoordinationClient.Applied"/>); for tests and tools.</summary>
    public bool KeepHistory { get; set; }

    /// <summary>Entries fetched per catch-up call (1 to 1000).</summary>
    public int CatchUpPageSize { get; set; } = 500;

    /// <summary>The longest wait between two reconnection attempts; attempts never stop.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times a command is re-sent (with the same idempotency key) when the link fails.</summary>
    public int CommandAttempts { get; set; } = 5;

    /// <summary>
    /// Called for each entry as it is applied, in position order, once per position, from the first catch-up on: set
    /// here rather than on <see cref="CoordinationClient.EntryApplied"/> to be given the entries logged while away, which
    /// <see cref="CoordinationClient.ConnectAsync"/> applies before it returns.
    /// </summary>
    public Action<LogEntry>? OnEntryApplied { get; set; }

    /// <summary>Called as <see cref="CoordinationClient.LogRewound"/> is raised, from the first catch-up on.</summary>
    public Action<long>? OnLogRewound { get; set; }

    /// <summary>Called as <see cref="CoordinationClient.SealReceived"/> is raised, from the first catch-up on.</summary>
    public Action<LogSealed>? OnSealReceived { get; set; }

    /// <summary>Where the realtime connection logs its connects, reconnection attempts and transport errors; nowhere when null.</summary>
    public ILoggerFactory? Logging { get; set; }
}
