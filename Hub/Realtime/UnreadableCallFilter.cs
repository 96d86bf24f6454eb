using Coordination.Hub.Refusals;
using Microsoft.AspNetCore.SignalR;

namespace Coordination.Hub.Realtime;

/// <summary>
/// Refuses a hub call whose arguments could not be read (<see cref="UnreadableCallProtocol"/>) before the method runs,
/// as <see cref="UnreadableRequestException"/>; <see cref="RefusalHubFilter"/>, outside it, answers the 400.
/// </summary>
public sealed class UnreadableCallFilter : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        return invocationContext.HubMethodArguments is [UnreadableCall call]
            ? throw UnreadableRequestException.Of(invocationContext.HubMethodName, call.Reason)
            : next(invocationContext);
    }
}
