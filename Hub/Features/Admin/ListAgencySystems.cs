using Coordination.Agencies.Contracts.Audit;
using Coordination.Agencies.Contracts.Bus;
using Coordination.Agencies.Contracts.Directory;
using Coordination.Agencies.Contracts.Log;
using Coordination.Dispatch.AgencyBus;
using Coordination.Dispatch.Bus;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;
using Coordination.Persistence.EventLog;
using Microsoft.Extensions.Options;

namespace Coordination.Hub.Features.Admin;

/// <summary>
/// The agencies whose systems read a queue of their own on the bus, with their queue names and whether a broker
/// identity was issued: what the administrator's card lists. The state is the directory stream's last
/// <see cref="AgencySystemCredentialsIssued"/> or <see cref="AgencySystemCredentialsRevoked"/> for the agency, so every
/// hub answers the same whichever of them made the change. Never a password.
/// </summary>
public sealed class ListAgencySystems(IEventLog log, IOptions<AgencyBusOptions> options, BusOptions bus) : IUseCase<ListAgencySystems.Query, ListAgencySystems.AgencyBus>
{
    /// <summary>Nothing to ask: every agency configured for the bus.</summary>
    public sealed record Query;

    /// <summary>
    /// <paramref name="Enabled"/> is false on the in-memory bus (or with no agency configured), and then
    /// <paramref name="Agencies"/> is empty.
    /// </summary>
    public sealed record AgencyBus(bool Enabled, string VirtualHost, IReadOnlyList<AgencySystem> Agencies);

    /// <summary>One agency's queues and broker identity; <paramref name="ChangedBy"/>, <paramref name="ChangedAt"/> and <paramref name="Position"/> are the last change's, null before any.</summary>
    public sealed record AgencySystem(string Agency, string UserName, string Queue, string Commands, string Replies, CredentialState Credentials,
        string? ChangedBy, DateTimeOffset? ChangedAt, long? Position);

    /// <summary>Whether the agency's system has a broker identity now.</summary>
    public enum CredentialState
    {
        /// <summary>Never issued.</summary>
        None,

        /// <summary>Issued (or rotated) and not revoked since.</summary>
        Issued,

        /// <summary>Revoked: the broker refuses the identity.</summary>
        Revoked,
    }

    public Policy Policy => Policies.ManageDirectory;

    public async Task<AgencyBus> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var configured = options.Value.Agencies;
        if (configured.Length == 0)
        {
            return new AgencyBus(false, bus.VirtualHost, []);
        }

        var last = new Dictionary<string, (CredentialState State, string By, DateTimeOffset At, long Position)>(StringComparer.Ordinal);
        foreach (var entry in await log.ReadIncidentAsync(SystemStreams.Directory, cancellationToken))
        {
            if (entry.Type == EventTypes.AgencySystemCredentialsIssued)
            {
                var issued = entry.DataAs<AgencySystemCredentialsIssued>();
                last[issued.Agency] = (CredentialState.Issued, issued.By, entry.RecordedAt, entry.Position);
            }
            else if (entry.Type == EventTypes.AgencySystemCredentialsRevoked)
            {
                var revoked = entry.DataAs<AgencySystemCredentialsRevoked>();
                last[revoked.Agency] = (CredentialState.Revoked, revoked.By, entry.RecordedAt, entry.Position);
            }
        }

        return new AgencyBus(true, bus.VirtualHost, [.. configured.Select(agency =>
        {
            var known = last.TryGetValue(agency, out var change);
            return new AgencySystem(agency, BrokerIdentities.UserName(bus.QueuePrefix, agency), AgencyQueues.Entries(bus.QueuePrefix, agency),
                AgencyQueues.Commands(bus.QueuePrefix, agency), AgencyQueues.Replies(bus.QueuePrefix, agency), known ? change.State : CredentialState.None,
                known ? change.By : null, known ? change.At : null, known ? change.Position : null);
        })]);
    }
}
