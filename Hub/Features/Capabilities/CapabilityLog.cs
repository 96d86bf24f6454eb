using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Capabilities;
using Coordination.Agencies.Contracts.Log;
using Coordination.Dispatch.Routing;
using Coordination.Hub.Auth;
using Coordination.Hub.Features.Common;
using Coordination.Persistence.Capabilities;
using Coordination.Persistence.EventLog;

namespace Coordination.Hub.Features.Capabilities;

/// <summary>What an agency holds as one declaration shows it.</summary>
/// <param name="Agency">The agency.</param>
/// <param name="Version">The declaration's version (0: nothing declared yet); send it back as <c>expectedVersion</c>.</param>
/// <param name="Holdings">Every line: capability, count, district.</param>
/// <param name="DeclaredBy">Who declared it.</param>
/// <param name="DeclaredAt">When.</param>
/// <param name="Reason">Why, when given.</param>
/// <param name="IsSample">True for the sample holdings shipped with the hub.</param>
public sealed record DeclarationView(string Agency, int Version, IReadOnlyList<CapabilityHolding> Holdings, string? DeclaredBy, DateTimeOffset? DeclaredAt, string? Reason, bool IsSample)
{
    public static DeclarationView From(DeclarationRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Agency, row.Version, JsonSerializer.Deserialize<CapabilityHolding[]>(row.Holdings, ContractJson.Options) ?? [],
            row.DeclaredBy, DateTimeOffset.FromUnixTimeMilliseconds(row.RecordedAt), row.Reason, row.IsSample);
    }

    /// <summary>An agency that has declared nothing.</summary>
    public static DeclarationView None(string agency) => new(agency, 0, [], null, null, null, false);
}

/// <summary>
/// The capabilities' side of the log: each agency's declarations are a stream of their own (its id derived from the
/// agency's code), each entry the whole list of what it holds, who declared it, when and why, so the stream is the
/// declarations' history and two declarations made from the same version meet as a conflict. Not the directory
/// stream: every directory entry makes every hub reload its accounts and close changed sessions, and holdings change
/// far more often than agencies and users. The read model (<see cref="CapabilityStore"/>) folds them in the same
/// transaction.
/// </summary>
public sealed class CapabilityLog(IEventLog log, CapabilityStore store, TimeProvider time)
{
    private static readonly Guid Namespace = new("5eed5eed-0000-4000-8000-0000000ca9ab");

    /// <summary>The id of <paramref name="agency"/>'s capabilities stream.</summary>
    public static Guid IdFor(string agency) => DerivedEventId.Create(Namespace, "capabilities:" + agency);

    /// <summary>Each agency's latest declaration.</summary>
    public async Task<IReadOnlyList<DeclarationView>> LatestAsync(CancellationToken cancellationToken) =>
        [.. (await store.LatestAsync(cancellationToken)).Select(DeclarationView.From)];

    /// <summary>Every declaration of one agency, oldest first.</summary>
    public async Task<IReadOnlyList<DeclarationView>> HistoryAsync(string agency, CancellationToken cancellationToken) =>
        [.. (await store.HistoryAsync(agency, cancellationToken)).Select(DeclarationView.From)];

    /// <summary>Appends a declaration after <paramref name="expectedVersion"/> (0: the first); another since is a conflict.</summary>
    public async Task<(int Version, long Position)> AppendAsync(Caller caller, string agency, IReadOnlyList<CapabilityHolding> holdings, string? reason, bool isSample, int expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var eventId = Guid.CreateVersion7();
        var entry = Events.Create(eventId, EventTypes.CapabilitiesDeclared, new CapabilitiesDeclared(agency, holdings, caller.UserName, reason, time.GetUtcNow(), isSample), caller, false);
        var appended = await log.AppendAsync(IdFor(agency), expectedVersion == 0 ? ExpectedVersion.NoStream : expectedVersion, [entry], cancellationToken);
        return (appended.LastVersion, appended.LastPosition);
    }
}
