using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Features.Log;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.HashChain;

namespace Coordination.Hub.Apis;

/// <summary>/api/log: catch-up by position, and the chain verifier.</summary>
public static class LogApi
{
    public static IEndpointRouteBuilder MapLogApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/log").RequireAuthorization().WithTags("Log");
        group.MapGet("/", (CatchUpHandler handler, HttpContext context, long? after, int? limit) =>
            handler.HandleAsync(context.Caller(), after ?? 0, limit ?? 500, context.RequestAborted));
        group.MapGet("/verify", Verify);
        return app;
    }

    private static Task<VerificationResult> Verify(IEventLog log, HttpContext context)
    {
        var caller = context.Caller();
        if (caller.Role is not (Role.Commander or Role.Administrator))
        {
            throw CommandRejectedException.Forbidden("Only commanders and administrators run the log verifier.");
        }

        return log.VerifyAsync(context.RequestAborted);
    }
}
