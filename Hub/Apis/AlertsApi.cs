using Coordination.Hub.Features.Common;
using Coordination.Persistence.Projections;

namespace Coordination.Hub.Apis;

/// <summary>/api/alerts: the caller's agency inbox, newest first.</summary>
public static class AlertsApi
{
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/alerts", Inbox).RequireAuthorization().WithTags("Alerts");
        return app;
    }

    private static async Task<IReadOnlyList<AlertRow>> Inbox(ReadModels readModels, HttpContext context, string? agency)
    {
        var caller = context.Caller();
        caller.EnsureReadsIncidents();
        var wanted = agency ?? caller.Agency;
        if (wanted != caller.Agency && !caller.SeesEverything)
        {
            throw CommandRejectedException.Forbidden("A liaison sees only their own agency's alerts.");
        }

        return await readModels.GetInboxAsync(wanted, context.RequestAborted);
    }
}
