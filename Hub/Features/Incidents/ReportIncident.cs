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
        RuleFor(r => r.EventId).NotEqual(Guid.Empty).WithMessage("EventId must not be the empty id.");
        RuleFor(r => r.Hazard).NotNull().WithMessage("Hazard is required.");
        RuleFor(r => r.Severity).NotNull().WithMessage("Severity is required.");
        RuleFor(r => r.Title).NotEmpty().WithMessage("Title is required.").SafeText(200, multiline: false);
        RuleFor(r => r.Description).SafeText(4000, multiline: true);
        RuleFor(r => r.District).NotEmpty().WithMessage("District is required.")
            .Must(Districts.IsKnown).WithMessage((_, d) => $"District '{d}' is not one of Libya's districts.");
        RuleFor(r => r.Municipality).SafeText(100, multiline: false);
        RuleFor(r => r.Latitude).InclusiveBetween(19.0, 34.0).WithMessage("Latitude must be within Libya (19 to 34 degrees north).");
        RuleFor(r => r.Longitude).InclusiveBetween(9.0, 26.0).WithMessage("Longitude must be within Libya (9 to 26 degrees east).");
        RuleFor(r => r.Longitude).NotNull().When(r => r.Latitude is not null).WithMessage("Longitude is required with Latitude.");
        RuleFor(r => r.Latitude).NotNull().When(r => r.Longitude is not null).WithMessage("Latitude is required with Longitude.");
        RuleFor(r => r.OccurredAt).Must(t => t is null || t <= time.GetUtcNow().AddMinutes(5))
            .WithMessage("OccurredAt must not be in the future.");
        RuleFor(r => r.ClearedAgencies).NotEmpty().When(r => r.Classification == Classification.Restricted)
            .WithMessage("ClearedAgencies must name at least one agency for a restricted incident.");
        RuleFor(r => r.ClearedAgencies).Empty().When(r => r.Classification != Classification.Restricted)
            .WithMessage("ClearedAgencies applies only to a restricted incident.");
        RuleForEach(r => r.ClearedAgencies).Must(agencies.Exists).WithMessage((_, a) => $"Agency '{a}' is not known.");
    }
}

public sealed class ReportIncidentHandler(IEventLog log, ReadModels readModels, IValidator<ReportIncidentRequest> validator, Throttle throttle, TimeProvider time)
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
        var eventId = request.EventId ?? Guid.NewGuid();
        // The incident id follows from the idempotency key, so a retried report finds its first copy.
        var incidentId = request.EventId is { } key ? DerivedEventId.Create(key, "incident") : Guid.NewGuid();
        var hazard = request.Hazard!.Value;
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
            time.GetUtcNow());

        var result = await log.AppendAsync(
            incidentId,
            ExpectedVersion.NoStream,
            [Events.Create(eventId, EventTypes.IncidentReported, reported, caller, reported.IsExercise)],
            cancellationToken);
        var board = await readModels.GetIncidentAsync(incidentId, cancellationToken);
        return new ReportIncidentResponse(incidentId, board?.Reference ?? "", result.FirstPosition, result.LastVersion, result.WasDuplicate);
    }
}
