using Coordination.Dispatch.Agencies;
using Coordination.Hub.Auth;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Localization;
using Coordination.Persistence.Projections;

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
public sealed class ResponseFiguresQuery(ReadModels readModels, AgencyDirectory agencies, TimeProvider time)
{
    public const int MaxDays = 366;

    public async Task<ResponseFigures> RunAsync(Caller caller, int days, bool exercise, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.SeesEverything)
        {
            throw CommandRejectedException.Forbidden(Say.Of(
                "Response figures across agencies are for the duty office and commanders.",
                "أرقام الاستجابة لكل الجهات متاحة لمكتب المناوبة والقادة فقط."));
        }

        if (days is < 1 or > MaxDays)
        {
            throw new CommandRejectedException(Say.Of($"'days' must be between 1 and {MaxDays}.", $"عدد الأيام يجب أن يكون بين 1 و{MaxDays}."));
        }

        var now = time.GetUtcNow();
        var since = now.AddDays(-days);
        var alerts = await readModels.GetAlertsSinceAsync(since, exercise, cancellationToken);
        var rows = alerts
            .GroupBy(a => a.Agency, StringComparer.Ordinal)
            .Select(g => Summarise(g.Key, g.ToArray(), now))
            .OrderByDescending(r => r.Overdue)
            .ThenBy(r => r.Agency, StringComparer.Ordinal)
            .ToArray();
        return new ResponseFigures(since, now, exercise, rows);
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
