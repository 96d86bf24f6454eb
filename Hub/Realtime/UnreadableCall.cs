namespace Coordination.Hub.Realtime;

/// <summary>
/// Stands in for the arguments of a hub call that could not be read (<see cref="UnreadableCallProtocol"/>), so the
/// call reaches the hub's filters, which refuse it (<see cref="UnreadableCallFilter"/>) instead of SignalR answering
/// a generic error that a client cannot tell from a fault.
/// </summary>
/// <param name="Reason">Why the arguments could not be read, as the JSON protocol said.</param>
public sealed record UnreadableCall(Exception Reason);
