namespace Coordination.Persistence.EventLog;

/// <summary>One stream's part of an append over several streams (<see cref="IEventLog.AppendAllAsync"/>).</summary>
/// <param name="StreamId">The stream (an incident, a risk, a plan...).</param>
/// <param name="ExpectedVersion">Its version the part is made from, as for <see cref="IEventLog.AppendAsync"/>.</param>
/// <param name="Events">What to append to it, in order.</param>
public sealed record StreamAppend(Guid StreamId, int ExpectedVersion, IReadOnlyList<NewEvent> Events);
