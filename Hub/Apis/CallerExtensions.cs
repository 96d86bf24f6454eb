using Coordination.Hub.Auth;

namespace Coordination.Hub.Apis;

internal static class CallerExtensions
{
    public static Caller Caller(this HttpContext context) => Auth.Caller.From(context.User);
}
