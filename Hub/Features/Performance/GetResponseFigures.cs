using Coordination.Dispatch.Agencies;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using Coordination.Persistence.Projections;
using FluentValidation;

namespace Coordination.Hub.Features.Performance;

/// <summary>How one agency answered its alerts over a period.</summary>
/// <param name="Agency">Agency code.</param>
/// <param name="NameAr">Agency name in Arabic.</param>
/// <param name="NameEn">Agency name in English.</param>
/// <param name="Alerts">Alerts raised to it in the period.</param>
/// <param name="Acknowledged">Of those, acknowledged.</param>
/// <param name="AcknowledgedLate">Acknowledged after their deadline.</param>
/// <param name="Overdue">Not acknowledged and past their deadline now.</param>
/// <param name="Waiting">Not acknowledged, deadline not yet passed.</param>
/// <param name="MedianSecondsToAcknowledge">Median time from alert to acknowledgement; null with none acknowledged.</param>
/// <param name="P90SecondsToAcknowledge">90th percentile of the same.</param>
/// <param name="Escalated">Alerts that had to be escalated at least once.</param>
public sealed record AgencyResponse(
    string Agency,
    string NameAr,
    string NameEn,
    int Alerts,
    int Acknowledged,
    int AcknowledgedLate,
    int Overdue,
    int Waiting,
    double? MedianSecondsToAcknowledge,
    double? P90SecondsToAcknowledge,
    int Escalated);

/// <summary>The figures for a period, every agency that was alerted in it.</summary>
public sealed record ResponseFigures(DateTimeOffset Since, DateTimeOffset AsOf, bool Exercise, IReadOnlyList<AgencyResponse> Agencies);

/// <summary>
/// Response performance per agency, computed from the alert read model (itself folded from the log),
/// so the figures a commander sees are the ones an evaluation can recompute from the log.
/// </summary>
public sealed class GetResponseFigures(ReadModels readModels, AgencyDirectory agencies, TimeProvider time) : IUseCase<GetResponseFigures.Query, ResponseFigures>
{
    public const int MaxDays = 366;

    /// <param name="Days">The period, ending now.</param>
    /// <param name="Exercise">Exercises' alerts instead of real ones.</param>
    public sealed record Query(int Days, bool Exercise);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Days).InclusiveBetween(1, MaxDays).Says(Invalid.Days(MaxDays));
    }

    public Policy Policy => Policies.ReadResponseFigures;

    public RateLimit RateLimit => RateLimit.ReadsPerUser;

    public async Task<ResponseFigures> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var since = now.AddDays(-request.Days);
        var alerts = await readModels.GetAlertsSinceAsync(since, request.Exercise, cancellationToken);
        var rows = alerts
            .GroupBy(a => a.Agency, StringComparer.Ordinal)
            .Select(g => Summarise(g.Key, g.ToArray(), now))
            .OrderByDescending(r => r.Overdue)
            .ThenBy(r => r.Agency, StringComparer.Ordinal)
            .ToArray();
        return new ResponseFigures(since, now, request.Exercise, rows);
    }

    private AgencyResponse Summarise(string agency, AlertRow[] alerts, DateTimeOffset now)
    {
        var seconds = alerts
            .Where(a => a.AcknowledgedAt is not null)
            .Select(a => Math.Max(0, (a.AcknowledgedAt!.Value - a.AlertedAt).TotalSeconds))
            .Order()
            .ToArray();
        var known = agencies.Find(agency);
        return new AgencyResponse(
            agency,
            known?.NameAr ?? agency,
            known?.NameEn ?? agency,
            alerts.Length,
            seconds.Length,
            alerts.Count(a => a.AcknowledgedAt > a.AcknowledgeBy),
            alerts.Count(a => a.AcknowledgedAt is null && a.AcknowledgeBy < now),
            alerts.Count(a => a.AcknowledgedAt is null && a.AcknowledgeBy >= now),
            Percentile(seconds, 0.5),
            Percentile(seconds, 0.9),
            alerts.Count(a => a.EscalationLevel > 0));
    }

    /// <summary>Nearest-rank percentile of sorted values: one of the observed times, never an interpolation.</summary>
    internal static double? Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? null : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], 1);
}
