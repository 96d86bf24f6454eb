using Coordination.Hub.Features.Reference;
using Coordination.Hub.Pipeline;

namespace Coordination.Hub.Apis;

/// <summary>/api/reference: hazards, districts, agencies, capabilities and the routing rules in force.</summary>
public static class ReferenceApi
{
    public static IEndpointRouteBuilder MapReferenceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApi("/api/reference", "Reference");
        group.MapGet("/hazards", (ListHazards useCase, HttpContext http) => http.RunAsync(useCase, new ListHazards.Query()));
        group.MapGet("/districts", (ListDistricts useCase, HttpContext http) => http.RunAsync(useCase, new ListDistricts.Query()));
        group.MapGet("/agencies", (ListAgencies useCase, HttpContext http) => http.RunAsync(useCase, new ListAgencies.Query()));
        group.MapGet("/capabilities", (ListCapabilityCodes useCase, HttpContext http) => http.RunAsync(useCase, new ListCapabilityCodes.Query()));
        group.MapGet("/routing-rules", (ListRoutingRules useCase, HttpContext http) => http.RunAsync(useCase, new ListRoutingRules.Query()));
        return app;
    }
}
