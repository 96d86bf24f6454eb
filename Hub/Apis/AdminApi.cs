using Coordination.Hub.Features.Admin;
using Coordination.Hub.Features.Common;
using Coordination.Persistence.Accounts;

namespace Coordination.Hub.Apis;

/// <summary>/api/admin: administrators keep the agencies and users. Every change is an entry in the log.</summary>
public static class AdminApi
{
    public sealed record Changed(long Position);

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").RequireAuthorization().WithTags("Admin");
        group.MapGet("/users", Users);
        group.MapPost("/users", async (RegisterUserRequest request, DirectoryCommands commands, HttpContext context) =>
            new Changed(await commands.RegisterUserAsync(context.Caller(), request, context.RequestAborted)));
        group.MapPost("/users/{userName}/disable", async (string userName, DirectoryCommands commands, HttpContext context) =>
            new Changed(await commands.DisableUserAsync(context.Caller(), userName, context.RequestAborted)));
        group.MapPost("/agencies", async (RegisterAgencyRequest request, DirectoryCommands commands, HttpContext context) =>
            new Changed(await commands.RegisterAgencyAsync(context.Caller(), request, context.RequestAborted)));
        return app;
    }

    private static async Task<IReadOnlyList<UserRow>> Users(DirectoryStore store, HttpContext context)
    {
        if (context.Caller().Role != Agencies.Contracts.Reference.Role.Administrator)
        {
            throw CommandRejectedException.Forbidden("Only administrators list users.");
        }

        return await store.UsersAsync(context.RequestAborted);
    }
}
