using System.Globalization;
using Coordination.Agencies.Contracts.Bus;
using Coordination.Agencies.Contracts.Commands;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.AgencyBus;
using Coordination.Hub.Auth;
using Coordination.Hub.Features.Incidents;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Coordination.Hub.Bus;

/// <summary>
/// The bus's thin adapter onto the same use cases as REST and the hub: an agency system's command runs through
/// <see cref="UseCasePipeline"/> (policy, validation, the use case's own checks) as the agency's system, a liaison of its
/// agency named <c>agency.&lt;code&gt;</c>, so what it stores is attributed to the system on the
/// timeline. A refusal is answered, in the command's language, as REST's problem details would carry it; a fault is
/// thrown, for the bus to retry.
/// </summary>
public sealed class AgencyBusCommands(UseCasePipeline pipeline, AcknowledgeAlert acknowledge, PostUpdate postUpdate) : IAgencyCommands
{
    /// <summary>The caller an agency's system acts as, <c>agency.&lt;code&gt;</c> on the timeline.</summary>
    public static Caller SystemOf(string agency) => new($"agency.{agency}", Role.Liaison, agency);

    public Task<AgencyCommandAnswered> AcknowledgeAsync(string agency, AcknowledgeAlertOverBus command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return AnswerAsync(nameof(AcknowledgeAlertOverBus), command.IncidentId, command.Request?.EventId, command.Language,
            () => pipeline.RunAsync(acknowledge, SystemOf(agency), AcknowledgeAlert.Command.From(command.IncidentId, command.Request ?? new AcknowledgeAlertRequest(null, null, null)), cancellationToken));
    }

    public Task<AgencyCommandAnswered> PostUpdateAsync(string agency, PostUpdateOverBus command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return AnswerAsync(nameof(PostUpdateOverBus), command.IncidentId, command.Request?.EventId, command.Language,
            () => pipeline.RunAsync(postUpdate, SystemOf(agency), PostUpdate.Command.From(command.IncidentId, command.Request ?? new PostUpdateRequest(null, null, null, null)), cancellationToken));
    }

    private static async Task<AgencyCommandAnswered> AnswerAsync(string name, Guid incidentId, Guid? eventId, string? language, Func<Task<CommandResponse>> run)
    {
        // Arabic first, as everywhere else; a command asks for English by naming it.
        var culture = string.Equals(language, "en", StringComparison.OrdinalIgnoreCase) ? new CultureInfo("en") : new CultureInfo("ar");
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        try
        {
            return new AgencyCommandAnswered(name, incidentId, eventId, await run(), null);
        }
        catch (Exception ex) when (Problems.For(ex) is { } problem)
        {
            var errors = problem is HttpValidationProblemDetails invalid ? invalid.Errors : new Dictionary<string, string[]>();
            return new AgencyCommandAnswered(name, incidentId, eventId, null,
                // Named as REST's problem details name them: Problems names each field as the request's JSON does.
                new AgencyCommandRefusal(problem.Status ?? StatusCodes.Status400BadRequest, problem.Title, problem.Detail, errors.ToDictionary(e => e.Key, e => e.Value)));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }
}
