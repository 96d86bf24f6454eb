namespace Coordination.Agencies.Contracts.Audit;

/// <summary>
/// Someone read restricted incidents. Recorded on the audit stream, never on the incidents themselves. A user's
/// first read of an incident in a window (by one way of reading) is recorded at once with <paramref name="Reads"/>
/// 1; the further reads in that window are counted and recorded together when it closes, so repeated reads are
/// all accounted for without one entry each.
/// </summary>
/// <param name="IncidentIds">The restricted incidents read.</param>
/// <param name="UserName">Who.</param>
/// <param name="Agency">Their agency.</param>
/// <param name="Role">Their role.</param>
/// <param name="Access">What was read: "details", "list", "catch-up" or "inbox".</param>
/// <param name="At">When (UTC): the read, or for a summary of further reads, when the summary was written.</param>
/// <param name="Reads">
/// How many reads of each of these incidents this entry stands for: 1 for a read recorded as it happened (entries
/// written before reads were counted have no count, and mean 1); more for a summary of the further reads in
/// [<paramref name="WindowStart"/>, <paramref name="WindowEnd"/>).
/// </param>
/// <param name="WindowStart">For a summary: when the window opened (the time of the read recorded at once). Null for a single read.</param>
/// <param name="WindowEnd">For a summary: when the window closed (earlier than its full length when the hub stopped). Null for a single read.</param>
public sealed record RestrictedIncidentsAccessed(
    IReadOnlyList<Guid> IncidentIds,
    string UserName,
    string Agency,
    string Role,
    string Access,
    DateTimeOffset At,
    int Reads = 1,
    DateTimeOffset? WindowStart = null,
    DateTimeOffset? WindowEnd = null);
