using Coordination.Hub.Refusals;
using Microsoft.AspNetCore.Diagnostics;

namespace Coordination.Hub.Errors;

/// <summary>
/// ProblemDetails for what fails before an endpoint runs: a body too large (413) or that cannot be read as the
/// request (400, naming the field). Refusals of the use cases themselves are answered by
/// <see cref="RefusalEndpointFilter"/>; both use the one mapping, <see cref="Problems"/>.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (Problems.For(exception) is not { } problem)
        {
            return false;
        }

        httpContext.RequestServices.GetService<Telemetry.HubTelemetry>()?.Refused(exception, problem.Status, "rest");
        httpContext.Response.StatusCode = problem.Status!.Value;
        if (Problems.RetryAfterSeconds(exception) is { } seconds)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
