using Coordination.Hub.Refusals;

namespace Coordination.Hub.Apis;

/// <summary>What every /api group shares: refusals answered as ProblemDetails, and each endpoint's refusals named for the OpenAPI document.</summary>
internal static class ApiRoutes
{
    /// <summary>A group under <paramref name="prefix"/> whose refusals become ProblemDetails (<see cref="RefusalEndpointFilter"/>).</summary>
    public static RouteGroupBuilder MapApi(this IEndpointRouteBuilder app, string prefix, string tag, bool signedIn = true)
    {
        var group = app.MapGroup(prefix).WithTags(tag).AddEndpointFilter<RefusalEndpointFilter>();
        return signedIn ? group.RequireAuthorization() : group.AllowAnonymous();
    }

    /// <summary>Names the refusals an endpoint may answer, so the OpenAPI document shows their shape (400 with each field's messages; the rest ProblemDetails).</summary>
    public static RouteHandlerBuilder Refuses(this RouteHandlerBuilder endpoint, params int[] statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        foreach (var status in statuses)
        {
            endpoint = status == StatusCodes.Status400BadRequest ? endpoint.ProducesValidationProblem() : endpoint.ProducesProblem(status);
        }

        return endpoint;
    }
}
