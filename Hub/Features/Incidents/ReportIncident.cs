using Coordination.Hub.Localization;
using Coordination.Agencies.Contracts.Incidents;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Agencies;
using Coordination.Dispatch.Routing;
using Coordination.Agencies.Contracts.Commands;
using Coordination.Hub.Auth;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Security;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Projections;
using FluentValidation;
using Severity = Coordination.Agencies.Contracts.Reference.Severity;

namespace Coordination.Hub.Features.Incidents;

public sealed class ReportIncidentValidator : AbstractValidator<ReportIncidentRequest>
{
    public ReportIncidentValidator(AgencyDirectory agencies, TimeProvider time)
    {
        RuleFor(r => r.EventId).NotEqual(Guid.Empty).WithMessage(_ => Say.Of("EventId must not be the empty id.", "مفتاح الإرسال (EventId) لا يجوز أن يكون المعرف الفارغ."));
        RuleFor(r => r.Hazard).NotNull().WithMessage(_ => Say.Of("Hazard is required.", "نوع الخطر مطلوب."));
        RuleFor(r => r.Severity).NotNull().WithMessage(_ => Say.Of("Severity is required.", "درجة الخطورة مطلوبة."));
        RuleFor(r => r.Title).NotEmpty().WithMessage(_ => Say.Of("Title is required.", "العنوان مطلوب.")).SafeText(200, multiline: false, "العنوان");
        RuleFor(r => r.Description).SafeText(4000, multiline: true, "الوصف");
        RuleFor(r => r.District).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(_ => Say.Of("District is required.", "الشعبية مطلوبة."))
            .Must(Districts.IsKnown).WithMessage((_, d) => Say.Of($"District '{d}' is not one of Libya's districts.", $"'{d}' ليست من شعبيات ليبيا."));
        RuleFor(r => r.Municipality).SafeText(100, multiline: false, "البلدية");
        RuleFor(r => r.Latitude).InclusiveBetween(19.0, 34.0).WithMessage(_ => Say.Of("Latitude must be within Libya (19 to 34 degrees north).", "خط العرض يجب أن يكون داخل ليبيا (من 19 إلى 34 شمالاً)."));
        RuleFor(r => r.Longitude).InclusiveBetween(9.0, 26.0).WithMessage(_ => Say.Of("Longitude must be within Libya (9 to 26 degrees east).", "خط الطول يجب أن يكون داخل ليبيا (من 9 إلى 26 شرقاً)."));
        RuleFor(r => r.Longitude).NotNull().When(r => r.Latitude is not null).WithMessage(_ => Say.Of("Longitude is required with Latitude.", "خط الطول مطلوب مع خط العرض."));
        RuleFor(r => r.Latitude).NotNull().When(r => r.Longitude is not null).WithMessage(_ => Say.Of("Latitude is required with Longitude.", "خط العرض مطلوب مع خط الطول."));
        RuleFor(r => r.OccurredAt).Must(t => t is null || t <= time.GetUtcNow().AddMinutes(5))
            .WithMessage(_ => Say.Of("OccurredAt must not be in the future.", "وقت الوقوع لا يجوز أن يكون في المستقبل."));
        RuleFor(r => r.ClearedAgencies).NotEmpty().When(r => r.Classification == Classification.Restricted)
            .WithMessage(_ => Say.Of("ClearedAgencies must name at least one agency for a restricted incident.", "البلاغ المقيد يحتاج جهة مخوّلة واحدة على الأقل."));
        RuleFor(r => r.ClearedAgencies).Empty().When(r => r.Classification != Classification.Restricted)
            .WithMessage(_ => Say.Of("ClearedAgencies applies only to a restricted incident.", "الجهات المخوّلة تخص البلاغات المقيدة فقط."));
        RuleForEach(r => r.ClearedAgencies).Must(agencies.Exists).WithMessage((_, a) => Say.Of($"Agency '{a}' is not known.", $"الجهة '{a}' غير معروفة."));
    }
}

public sealed class ReportIncidentHandler(
    IEventLog log,
    ReadModels readModels,
    IValidator<ReportIncidentRequest> validator,
    Throttle throttle,
    AlertPlanner planner,
    TimeProvider time,
    ILogger<ReportIncidentHandler> logger)
{
    public async Task<ReportIncidentResponse> HandleAsync(Caller caller, ReportIncidentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Role is not (Role.Operator or Role.Commander))
        {
            throw CommandRejectedException.Forbidden("Only the duty office and commanders report incidents.");
        }

        throttle.Report(caller.UserName);

        await validator.ValidateAndThrowAsync(request, cancellationToken);
        var eventId = request.EventId ?? Guid.CreateVersion7();
        // The incident id follows from the idempotency key, so a retried report finds its first copy.
        var incidentId = request.EventId is { } key ? DerivedEventId.Create(key, "incident") : Guid.CreateVersion7();
        var hazard = request.Hazard!.Value;
        var now = time.GetUtcNow();
        var reported = new IncidentReported(
            incidentId,
            hazard,
            request.Category ?? Hazards.Get(hazard).Category,
            request.Severity!.Value,
            request.Urgency ?? Urgency.Unknown,
            request.Certainty ?? Certainty.Unknown,
            request.Title!,
            string.IsNullOrEmpty(request.Description) ? null : request.Description,
            new IncidentLocation(request.District!, string.IsNullOrEmpty(request.Municipality) ? null : request.Municipality, request.Latitude, request.Longitude),
            request.OccurredAt,
            request.Classification ?? Classification.Public,
            request.ClearedAgencies?.Distinct(StringComparer.Ordinal).ToArray() ?? [],
            request.IsExercise ?? false,
            caller.UserName,
            now);

        var report = Events.Create(eventId, EventTypes.IncidentReported, reported, caller, reported.IsExercise);
        AppendResult result;
        try
        {
            // The alerts go into the report's own transaction: the agencies' liaisons are told as soon as the
            // report is logged, without a second durable commit and a trip through the bus to the router.
            result = await log.AppendAsync(incidentId, ExpectedVersion.NoStream, [report, .. PlanAlerts(eventId, reported, now)], cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // A retry after the rules changed plans other alerts beside the stored report: the report is
            // stored, and its alerts are the ones decided the first time.
            var stored = await log.FindAsync(eventId, cancellationToken);
            if (stored is null || stored.IncidentId != incidentId)
            {
                throw;
            }

            return await StoredAnswerAsync(stored, cancellationToken);
        }

        if (!result.WasDuplicate)
        {
            // The reference follows from the report's position, as the board derives it: no read needed.
            return new ReportIncidentResponse(incidentId, IncidentReference.For(now, result.FirstPosition), result.FirstPosition, result.LastVersion, WasDuplicate: false);
        }

        var board = await readModels.GetIncidentAsync(incidentId, cancellationToken);
        return new ReportIncidentResponse(incidentId, board?.Reference ?? "", result.FirstPosition, result.LastVersion, WasDuplicate: true);
    }

    /// <summary>The answer the stored report was given: its version is the one after the alerts logged with it.</summary>
    private async Task<ReportIncidentResponse> StoredAnswerAsync(LogEntry stored, CancellationToken cancellationToken)
    {
        var entries = await log.ReadIncidentAsync(stored.IncidentId, cancellationToken);
        var last = AlertPlanner.AlertsLoggedWith(stored, entries).LastOrDefault() ?? stored;
        var reference = IncidentReference.For(stored.DataAs<IncidentReported>().ReportedAt, stored.Position);
        return new ReportIncidentResponse(stored.IncidentId, reference, stored.Position, last.Version, WasDuplicate: true);
    }

    private IReadOnlyList<NewEvent> PlanAlerts(Guid eventId, IncidentReported reported, DateTimeOffset now)
    {
        try
        {
            return planner.AlertsFor(eventId, eventId, reported, now);
        }
        catch (Exception ex)
        {
            // A fault in routing must not refuse the report: logged alone, it is routed by the routing consumer.
            HubLog.AlertsNotPlanned(logger, ex, reported.IncidentId);
            return [];
        }
    }
}
