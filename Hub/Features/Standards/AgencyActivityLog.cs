using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Agencies;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Localization;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Projections;
using FluentValidation;

namespace Coordination.Hub.Features.Standards;

/// <summary>
/// One agency's ICS-214 activity log for a period, across the incidents it was alerted to: its alerts and what its
/// own people did (acknowledgements, updates, tasks), each with the incident's reference, in Libya's time. A liaison
/// may ask only for their own agency; the duty office and commanders for any.
/// </summary>
public sealed class AgencyActivityLog(ReadModels readModels, IEventLog log, AgencyDirectory agencies, RestrictedAccessAudit audit, TimeProvider time)
    : IUseCase<AgencyActivityLog.Query, ActivityLog.File>
{
    /// <summary>The longest period one log covers.</summary>
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(31);

    /// <summary>The agency, the period (<c>From</c> to <c>To</c>) and the format ("csv", the default, or "html").</summary>
    public sealed record Query(string? Agency, DateTimeOffset? From, DateTimeOffset? To, string? Format);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(AgencyDirectory agencies)
        {
            RuleFor(q => q.Agency).NotEmpty().Says(Invalid.AgencyRequired).Must(agencies.Exists).Says(a => Invalid.UnknownAgency(a));
            // Within the years the log can hold: a far date's conversion to Libya's time overflows.
            RuleFor(q => q.From).NotNull().Says(Invalid.ActivityLogPeriod).Must(CalendarYears.Within).Says(Invalid.ActivityLogPeriod);
            RuleFor(q => q.To).Must(CalendarYears.Within).Says(Invalid.ActivityLogPeriod);
            RuleFor(q => q.To).NotNull().Says(Invalid.ActivityLogPeriod)
                .Must((q, to) => q.From is not { } from || to is not { } end || (end > from && end - from <= MaxPeriod)).Says(Invalid.ActivityLogPeriod);
            RuleFor(q => q.Format).Must(f => f is null or "csv" or "html").Says(Invalid.ActivityLogFormat);
        }

    }

    public Policy Policy => Policies.SeeIncidents;

    public RateLimit RateLimit => RateLimit.ReadsPerUser;

    public async Task<ActivityLog.File> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var agency = request.Agency!;
        if (!caller.SeesEverything && agency != caller.Agency)
        {
            throw Refuse.NotAllowed(new("A liaison reads only their own agency's activity log.", "ضابط الاتصال يقرأ سجل أنشطة جهته فقط."));
        }

        var (from, to) = (request.From!.Value, request.To!.Value);
        var incidents = (await readModels.ListIncidentsAsync(new BoardFilter(RoutedToAgency: agency, Limit: ListLimit.Max), cancellationToken))
            .Where(i => i.UpdatedAt >= from && i.ReportedAt <= to)
            .ToList();
        var restricted = incidents.Where(i => i.Classification == Classification.Restricted).Select(i => i.IncidentId).ToArray();
        if (restricted.Length > 0)
        {
            await audit.RecordAsync(caller, restricted, "activity-log");
        }

        var rows = new List<ActivityLog.Row>();
        foreach (var incident in incidents)
        {
            // The incident's timeline, summarised as the per-incident log and the console summarise it; an alert's
            // summary is the agency alerted.
            foreach (var entry in await IncidentTimeline.ReadAsync(log, incident.IncidentId, cancellationToken))
            {
                var ours = entry.Agency == agency || (entry.Type == EventTypes.AgencyAlerted && entry.Summary == agency);
                if (ours && entry.RecordedAt >= from && entry.RecordedAt <= to)
                {
                    rows.Add(new ActivityLog.Row(CapAlerts.Time(entry.RecordedAt), entry.Actor, Name(entry.Agency),
                        $"{incident.Reference}: {ActivityLog.Activity(entry.Type, entry.Summary)}", entry.Position));
                }
            }
        }

        rows.Sort((a, b) => a.Position.CompareTo(b.Position));
        var header = new ActivityLog.Header(
            Say.Of($"{incidents.Count} incident(s) alerted to the agency", $"{incidents.Count} حادث/حوادث نُبّهت بها الجهة"),
            $"{CapAlerts.Time(from)} / {CapAlerts.Time(to)}",
            Name(agency),
            $"{caller.UserName} ({Name(caller.Agency)})",
            CapAlerts.Time(time.GetUtcNow()),
            false);
        return request.Format == "html"
            ? new ActivityLog.File("text/html; charset=utf-8", ActivityLog.Html(header, rows))
            : new ActivityLog.File("text/csv; charset=utf-8", ActivityLog.Csv(header, rows));
    }

    private string Name(string code) => agencies.Find(code) is { } a ? Say.Of(a.NameEn, a.NameAr) : code;
}
