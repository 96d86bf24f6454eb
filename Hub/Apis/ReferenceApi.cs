using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Agencies;
using Coordination.Dispatch.Routing;

namespace Coordination.Hub.Apis;

/// <summary>/api/reference: hazards, districts, agencies and the routing rules in force.</summary>
public static class ReferenceApi
{
    public static IEndpointRouteBuilder MapReferenceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reference").RequireAuthorization().WithTags("Reference");
        group.MapGet("/hazards", () => Hazards.All);
        group.MapGet("/districts", () => Districts.All);
        group.MapGet("/agencies", (AgencyDirectory agencies) => agencies.All);
        group.MapGet("/routing-rules", (RoutingRulesProvider rules) => rules.Current.Rules);
        return app;
    }
}
