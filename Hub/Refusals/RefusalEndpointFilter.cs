namespace Coordination.Hub.Refusals;

/// <summary>
/// REST's side of refusals: a use case's refusal becomes a typed ProblemDetails result (with Retry-After for
/// 429), so nothing about error shapes is written in an endpoint. Applied to every /api group.
/// </summary>
public sealed class RefusalEndpointFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (Problems.For(ex) is { } problem)
        {
            context.HttpContext.RequestServices.GetService<Telemetry.HubTelemetry>()?.Refused(ex, problem.Status, "rest");
            if (Problems.RetryAfterSeconds(ex) is { } seconds)
            {
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (ex is RefusalException { Status: StatusCodes.Status401Unauthorized } && context.HttpContext.Request.Headers.Authorization.Count > 0)
            {
                // A bearer token refused after it was read (its session ended), said as RFC 6750 says it, without detail.
                context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            }

            return TypedResults.Problem(problem);
        }
    }
}
