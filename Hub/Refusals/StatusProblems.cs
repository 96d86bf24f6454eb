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
        if (context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType)
        {
            // Routing answers 415 from an endpoint of its own when no endpoint reads the content type sent, so the
            // address's own list is not at hand here: the detail names what each kind of address reads.
            context.ProblemDetails.Title = Refuse.UnsupportedContentTitle.ToString();
            context.ProblemDetails.Detail = Refuse.SendContentType.ToString();
        }
        else if (context.ProblemDetails.Status == StatusCodes.Status404NotFound && context.ProblemDetails.Detail is null)
        {
            // No route matched: an id that is not one (ids are GUIDs), or an address the hub does not have. A use case's
            // own 404 (no such incident) carries its detail and is left as it is.
            context.ProblemDetails.Title = Refuse.NotFoundTitle.ToString();
            context.ProblemDetails.Detail = Refuse.NoSuchAddress.ToString();
        }
    }
}
