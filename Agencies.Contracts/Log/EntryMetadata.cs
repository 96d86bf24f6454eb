namespace Coordination.Agencies.Contracts.Log;

/// <summary>Who caused a log entry and why, carried end to end.</summary>
/// <param name="Actor">User name, or the name of the hub component (e.g. "routing").</param>
/// <param name="Agency">The actor's agency code.</param>
/// <param name="CorrelationId">Ties together every entry caused by one original command.</param>
/// <param name="CausationId">The event id of the entry that caused this one, if any.</param>
/// <param name="IsExercise">True for drill traffic; never counted in real figures.</param>
/// <param name="ExerciseId">
/// The exercise an entry belongs to, when it is one run from a scenario; absent from entries outside one (and from
/// entries logged before exercises were run), so older entries read as they always did.
/// </param>
public sealed record EntryMetadata(
    string Actor,
    string Agency,
    Guid CorrelationId,
    Guid? CausationId,
    bool IsExercise,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] Guid? ExerciseId = null);
