using Microsoft.AspNetCore.Http.Features;

namespace Coordination.Hub.Refusals;

/// <summary>
/// The refusals ASP.NET Core answers by a status code alone, before any use case runs, told as the others are: in
/// the request's language, with a detail that says what to send instead.
/// </summary>
public static class StatusProblems
{
    public static void Customize(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        var request = context.HttpContext.Request;
        switch (problem.Status)
        {
            case StatusCodes.Status415UnsupportedMediaType:
                // Routing answers 415 from an endpoint of its own when no endpoint reads the content type sent, so the
                // address's own list is not at hand here: the detail names what each kind of address reads.
                problem.Title = Refuse.UnsupportedContentTitle.ToString();
                problem.Detail = Refuse.SendContentType.ToString();
                break;
            case StatusCodes.Status404NotFound when problem.Detail is null:
                // No route matched: an id that is not one (ids are GUIDs), or an address the hub does not have. A use case's
                // own 404 (no such incident) carries its detail and is left as it is.
                problem.Title = Refuse.NotFoundTitle.ToString();
                problem.Detail = Refuse.NoSuchAddress.ToString();
                break;
            case StatusCodes.Status413PayloadTooLarge:
                // Whether the JSON reader or an endpoint reading its own body met the limit: the request knows which limit
                // it was (an address may raise its own, as the register's CSV import does).
                problem.Title = Refuse.TooLargeTitle.ToString();
                problem.Detail = Refuse.TooLarge(BodyLimit(context.HttpContext)).ToString();
                break;
            case StatusCodes.Status401Unauthorized when problem.Detail is null:
                // The bearer handler's challenge: no token, or one the hub did not issue or that has expired. What to do,
                // never why the token failed. A use case's own 401 (sign-in failed, session ended) carries its detail.
                problem.Title = Refuse.NotSignedInTitle.ToString();
                problem.Detail = (request.Path.StartsWithSegments(Telemetry.MetricsEndpoint.Path) ? Refuse.SendMetricsToken : Refuse.SignInFirst).ToString();
                break;
            case StatusCodes.Status405MethodNotAllowed:
                // Routing names the methods the address takes in Allow.
                var allowed = context.HttpContext.Response.Headers.Allow.ToString()
                    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal).ToArray();
                problem.Title = Refuse.MethodNotAllowedTitle.ToString();
                problem.Detail = (allowed.Length > 0 ? Refuse.TakesOnly(request.Method, allowed) : Refuse.MethodNotTaken(request.Method)).ToString();
                break;
        }
    }

    private static long BodyLimit(HttpContext http) =>
        http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize
        ?? http.RequestServices.GetRequiredService<Startup.HubOptions>().MaxRequestBodyBytes;
}
