using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace Coordination.Hub.Realtime;

/// <summary>
/// SignalR's JSON protocol, with one change: a call whose arguments cannot be read as the method's parameters
/// becomes a call of that method with one argument, <see cref="UnreadableCall"/>. SignalR answers such a call itself,
/// before any hub filter runs, with "Failed to invoke 'X' due to an error on the server" and logs it only at debug
/// level: the caller cannot tell a refusal from a fault, and the answer differs from REST's 400 for the same body.
/// Through the filters it gets the same ProblemDetails as REST, in the connection's language.
/// </summary>
public sealed class UnreadableCallProtocol(IHubProtocol json) : IHubProtocol
{
    public string Name => json.Name;

    public int Version => json.Version;

    public TransferFormat TransferFormat => json.TransferFormat;

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        if (!json.TryParseMessage(ref input, binder, out message))
        {
            return false;
        }

        if (message is InvocationBindingFailureMessage failure)
        {
            message = new InvocationMessage(failure.InvocationId, failure.Target, [new UnreadableCall(failure.BindingFailure.SourceException)])
            {
                Headers = failure.Headers,
            };
        }

        return true;
    }

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => json.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => json.GetMessageBytes(message);

    public bool IsVersionSupported(int version) => json.IsVersionSupported(version);
}

public static class UnreadableCallRegistration
{
    /// <summary>
    /// Puts <see cref="UnreadableCallProtocol"/> in place of the JSON protocol (configured as before, through
    /// <c>AddJsonProtocol</c>); <see cref="UnreadableCallFilter"/> must be among the hub's filters.
    /// </summary>
    public static ISignalRServerBuilder RefuseUnreadableCalls(this ISignalRServerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var plain in builder.Services.Where(d => d.ServiceType == typeof(IHubProtocol) && d.ImplementationType == typeof(JsonHubProtocol)).ToList())
        {
            builder.Services.Remove(plain);
        }

        builder.Services.AddSingleton<IHubProtocol>(sp => new UnreadableCallProtocol(new JsonHubProtocol(sp.GetRequiredService<IOptions<JsonHubProtocolOptions>>())));
        return builder;
    }
}
