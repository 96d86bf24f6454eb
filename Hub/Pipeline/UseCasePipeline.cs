using Coordination.Agencies.Contracts.Commands;
using Coordination.Dispatch;
using Coordination.Hub.Auth;
using Coordination.Hub.Features.Incidents;
using Coordination.Hub.Refusals;
using Coordination.Hub.Security;
using FluentValidation;

namespace Coordination.Hub.Pipeline;

/// <summary>
/// The one way in to every use case, from REST and from the hub alike: the caller's session first (401 when its
/// token has expired or its account was disabled or changed since), then the policy (403, before anything is read),
/// then the rate limit (429), then the request's validator (400 naming each field), then the handler.
/// </summary>
public sealed class UseCasePipeline(IServiceProvider services, Throttle throttle, AccountStates accounts, TimeProvider time, ILogger<UseCasePipeline> logger)
{
    /// <summary>
    /// Refuses (401) a caller whose token has expired or whose account is no longer as the token says. A live
    /// connection was authenticated once, at connect: this is what makes each of its calls answer to the
    /// account as it is now.
    /// </summary>
    public void DemandCurrent(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.HasExpired(time.GetUtcNow()) || !accounts.IsCurrent(caller))
        {
            throw Refuse.SessionEnded();
        }
    }

    public async Task<TResponse> RunAsync<TRequest, TResponse>(IUseCase<TRequest, TResponse> useCase, Caller caller, TRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(useCase);
        // Every line logged while a command on an incident runs names the incident and the event (as fields, in the JSON log).
        using var scope = request switch
        {
            Features.Common.IIncidentCommand command => LogScopes.ForCommand(logger, command.IncidentId, command.EventId),
            ReportIncidentRequest report => LogScopes.ForCommand(logger, ReportIncident.IncidentIdFor(report.EventId), report.EventId),
            _ => null,
        };
        System.Diagnostics.Activity.Current?.SetTag("coordination.use_case", useCase.GetType().Name);
        DemandCurrent(caller);
        useCase.Policy.Demand(caller);
        if (useCase.RateLimit != RateLimit.None)
        {
            // Counted per client address when the request carries one (sign-in), per user otherwise.
            throttle.Take(useCase.RateLimit, request is IFromAddress from ? from.ClientAddress : caller.UserName);
        }

        if (request is null)
        {
            throw Refuse.EmptyRequest();
        }

        if (services.GetService<IValidator<TRequest>>() is { } validator)
        {
            await validator.ValidateAndThrowAsync(request, cancellationToken);
        }

        var response = await useCase.HandleAsync(caller, request, cancellationToken);
        // The position is known only now: the line saying where the command landed carries it.
        switch (response)
        {
            case CommandResponse stored:
                HubLogMessages.CommandStored(logger, useCase.GetType().Name, stored.IncidentId, (request as Features.Common.IIncidentCommand)?.EventId, stored.Position, stored.WasDuplicate);
                break;
            case ReportIncidentResponse reported:
                HubLogMessages.CommandStored(logger, useCase.GetType().Name, reported.IncidentId, (request as ReportIncidentRequest)?.EventId, reported.Position, reported.WasDuplicate);
                break;
        }

        return response;
    }
}
