using Coordination.Hub.Features.Common;
using Coordination.Persistence.Projections;

namespace Coordination.Hub.Apis;

/// <summary>/api/alerts: the caller's agency inbox, newest first (200 unless a limit up to 1000 is given).</summary>
public static class AlertsApi
{
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/alerts", Inbox).RequireAuthorization().WithTags("Alerts");
        return app;
    }

    private static async Task<IReadOnlyList<AlertRow>> Inbox(ReadModels readModels, HttpContext context, string? agency, int? limit)
    {
        var count = limit.Or(200);
        var caller = context.Caller();
        caller.EnsureReadsIncidents();
        var wanted = agency ?? caller.Agency;
        if (wanted != caller.Agency && !caller.SeesEverything)
        {
            throw CommandRejectedException.Forbidden("A liaison sees only their own agency's alerts.");
        }

        return await readModels.GetInboxAsync(wanted, count, context.RequestAborted);
    }
}
