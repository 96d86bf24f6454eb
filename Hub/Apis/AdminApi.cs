using Coordination.Agencies.Contracts.Commands;
using Coordination.Hub.Features.Admin;
using Coordination.Hub.Features.Incidents;
using Coordination.Hub.Pipeline;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Coordination.Hub.Apis;

/// <summary>/api/admin: administrators keep the agencies, users and restricted incidents' clearances. Every change is an entry in the log.</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApi("/api/admin", "Admin");
        group.MapGet("/users", (ListUsers useCase, HttpContext http) => http.RunAsync(useCase, new ListUsers.Query())).Refuses(Status403Forbidden);
        group.MapPost("/users", (RegisterUser.RegisterUserRequest request, RegisterUser useCase, HttpContext http) => http.RunAsync(useCase, request))
            .Refuses(Status400BadRequest, Status403Forbidden);
        group.MapPost("/users/{userName}/disable", (string userName, DisableUser useCase, HttpContext http) => http.RunAsync(useCase, new DisableUser.Command(userName)))
            .Refuses(Status403Forbidden, Status404NotFound, Status409Conflict);
        group.MapPost("/users/{userName}/unlock", (string userName, UnlockUser useCase, HttpContext http) => http.RunAsync(useCase, new UnlockUser.Command(userName)))
            .Refuses(Status403Forbidden, Status404NotFound);
        group.MapPost("/agencies", (RegisterAgency.RegisterAgencyRequest request, RegisterAgency useCase, HttpContext http) => http.RunAsync(useCase, request))
            .Refuses(Status400BadRequest, Status403Forbidden, Status409Conflict);
        // An agency system's own broker identity (RabbitMQ only): which agencies have a queue and an identity, issue or rotate, and revoke.
        group.MapGet("/agency-bus", (ListAgencySystems useCase, HttpContext http) => http.RunAsync(useCase, new ListAgencySystems.Query())).Refuses(Status403Forbidden);
        group.MapPost("/agencies/{code}/bus-credentials", (string code, IssueBusCredentials useCase, HttpContext http) => http.RunAsync(useCase, new IssueBusCredentials.Command(code)))
            .Refuses(Status403Forbidden, Status404NotFound, Status409Conflict, Status503ServiceUnavailable);
        group.MapDelete("/agencies/{code}/bus-credentials", (string code, RevokeBusCredentials useCase, HttpContext http) => http.RunAsync(useCase, new RevokeBusCredentials.Command(code)))
            .Refuses(Status403Forbidden, Status404NotFound, Status409Conflict, Status503ServiceUnavailable);
        // Clearances of restricted incidents, by their metadata: the same change the duty office makes on the incident.
        group.MapGet("/clearances", (ListClearances useCase, HttpContext http) => http.RunAsync(useCase, new ListClearances.Query()))
            .Refuses(Status403Forbidden, Status429TooManyRequests);
        group.MapPost("/clearances/{incidentId:guid}", (Guid incidentId, ChangeClearanceRequest request, ChangeClearance useCase, HttpContext http) =>
            http.RunAsync(useCase, ChangeClearance.Command.From(incidentId, request))).Refuses(Status400BadRequest, Status403Forbidden, Status404NotFound, Status409Conflict);
        group.MapGet("/cap-feeds", (Features.Standards.CapFeeds useCase, HttpContext http) => http.RunAsync(useCase, new Features.Standards.CapFeeds.Query())).Refuses(Status403Forbidden);
        return app;
    }
}
