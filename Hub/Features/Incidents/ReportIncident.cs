using Coordination.Agencies.Contracts.Commands;
using Coordination.Agencies.Contracts.Exercises;
using Coordination.Agencies.Contracts.Incidents;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Agencies;
using Coordination.Dispatch.Reports;
using Coordination.Dispatch.Routing;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using Coordination.Persistence.Projections;
using FluentValidation;

namespace Coordination.Hub.Features.Incidents;

/// <summary>
/// The duty office or a commander reports an incident; it is logged with the alerts the routing rules plan for it
/// (<see cref="ReportWithAlerts"/>). The idempotency key (EventId) makes a retry answer with the stored report.
/// </summary>
public sealed class ReportIncident(ReportWithAlerts reports, TimeProvider time) : IUseCase<ReportIncidentRequest, ReportIncidentResponse>
{
    /// <summary>The earliest time an incident may have occurred: year 1 or 1970 is a client's missing value, not a date.</summary>
    public static readonly DateTimeOffset EarliestOccurredAt = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The longest title and description a report keeps.</summary>
    public const int TitleMaxLength = 200, DescriptionMaxLength = 4000;

    /// <summary>How far ahead of the hub's clock a report time may be: a reporter's clock a little fast, not more.</summary>
    public static readonly TimeSpan OccurredAtClockSkew = TimeSpan.FromMinutes(5);

    public sealed class Validator : AbstractValidator<ReportIncidentRequest>
    {
        public Validator(AgencyDirectory agencies, TimeProvider time)
        {
            RuleFor(r => r.EventId).NotEqual(Guid.Empty).Says(Invalid.EmptyEventId);
            RuleFor(r => r.Hazard).NotNull().Says(Invalid.HazardRequired);
            RuleFor(r => r.Severity).NotNull().Says(Invalid.SeverityRequired);
            RuleFor(r => r.Title).NotEmpty().Says(Invalid.TitleRequired).SafeText(TitleMaxLength, multiline: false, "العنوان");
            RuleFor(r => r.Description).SafeText(DescriptionMaxLength, multiline: true, "الوصف");
            RuleFor(r => r.District).Cascade(CascadeMode.Stop).NotEmpty().Says(Invalid.DistrictRequired)
                .Must(Districts.IsKnown).Says(Invalid.UnknownDistrict);
            RuleFor(r => r.Municipality).SafeText(100, multiline: false, "البلدية");
            RuleFor(r => r.Latitude).InclusiveBetween(19.0, 34.0).Says(Invalid.LatitudeInLibya);
            RuleFor(r => r.Longitude).InclusiveBetween(9.0, 26.0).Says(Invalid.LongitudeInLibya);
            RuleFor(r => r.Longitude).NotNull().When(r => r.Latitude is not null).Says(Invalid.LongitudeWithLatitude);
            RuleFor(r => r.Latitude).NotNull().When(r => r.Longitude is not null).Says(Invalid.LatitudeWithLongitude);
            RuleFor(r => r.OccurredAt).Must(t => t is null || t <= time.GetUtcNow() + OccurredAtClockSkew).Says(Invalid.OccurredInFuture);
            RuleFor(r => r.OccurredAt).Must(t => t is null || t >= EarliestOccurredAt).Says(Invalid.OccurredTooEarly);
            RuleFor(r => r.ClearedAgencies).NotEmpty().When(r => r.Classification == Classification.Restricted).Says(Invalid.RestrictedNeedsClearance);
            RuleFor(r => r.ClearedAgencies).Empty().When(r => r.Classification != Classification.Restricted).Says(Invalid.ClearanceOnlyWhenRestricted);
            RuleForEach(r => r.ClearedAgencies).Must(agencies.Exists).Says(Invalid.UnknownAgency)
                .Must(a => !agencies.IsDutyOffice(a)).Says(Invalid.DutyOfficeNotAlerted);
        }
    }

    /// <summary>The incident a report with this idempotency key creates (null without a key: a new one each time).</summary>
    public static Guid? IncidentIdFor(Guid? eventId) => eventId is { } key ? DerivedEventId.Create(key, "incident") : null;

    public Policy Policy => Policies.ReportIncident;

    public RateLimit RateLimit => RateLimit.ReportsPerUser;

    public Task<ReportIncidentResponse> HandleAsync(Caller caller, ReportIncidentRequest request, CancellationToken cancellationToken) =>
        ReportAsync(caller, request, null, cancellationToken);

    /// <summary>
    /// Logs the report; for an exercise's inject (<paramref name="exercise"/>), marked with the exercise and its
    /// participants, which its alerts and plans stay among. A person's report never names an exercise.
    /// </summary>
    public async Task<ReportIncidentResponse> ReportAsync(Caller caller, ReportIncidentRequest request, ExerciseScope? exercise, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var eventId = request.EventId ?? Guid.CreateVersion7();
        // The incident id follows from the idempotency key, so a retried report finds its first copy.
        var incidentId = IncidentIdFor(request.EventId) ?? Guid.CreateVersion7();
        var hazard = request.Hazard!.Value;
        var reported = new IncidentReported(
            incidentId,
            hazard,
            request.Category ?? Hazards.Get(hazard).Category,
            request.Severity!.Value,
            request.Urgency ?? Urgency.Unknown,
            request.Certainty ?? Certainty.Unknown,
            request.Title!,
            OptionalText.Kept(request.Description),
            new IncidentLocation(request.District!, OptionalText.Kept(request.Municipality), request.Latitude, request.Longitude),
            request.OccurredAt,
            request.Classification ?? Classification.Public,
            request.ClearedAgencies?.Distinct(StringComparer.Ordinal).ToArray() ?? [],
            (request.IsExercise ?? false) || exercise is not null,
            caller.UserName,
            time.GetUtcNow(),
            exercise);

        var stored = await reports.AppendAsync(Events.Create(eventId, EventTypes.IncidentReported, reported, caller, reported.IsExercise, reported.Exercise?.ExerciseId), reported, cancellationToken);
        return new ReportIncidentResponse(stored.IncidentId, IncidentReference.For(stored.ReportedAt, stored.IncidentId), stored.Position, stored.Version, stored.WasDuplicate);
    }
}
