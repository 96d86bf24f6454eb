using System.Text.Json;
using System.Text.Json.Serialization;
using Coordination.Agencies.Contracts;

namespace Coordination.Hub.Startup;

/// <summary>
/// How the hub reads a request's JSON, one rule set for REST bodies and hub-method arguments alike, so the same
/// command gets the same answer on both: the contract's shape (<see cref="ContractJson"/>: camelCase, enums by their
/// exact names), and a body that could be read two ways is refused rather than guessed at.
/// </summary>
public static class RequestJson
{
    /// <summary>
    /// Deepest nesting read from a REST body; no request of the hub needs more than three levels. SignalR reads a call's
    /// arguments with its own reader (64 levels), so there no field can hold nesting instead: an unknown field is refused
    /// at its name, and a known one holds text, a number, an id, a time or a list of codes.
    /// </summary>
    public const int MaxDepth = 16;

    public static void Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ContractJson.Apply(options);
        // Field names match whatever their letter case ("Title" is title)...
        options.PropertyNameCaseInsensitive = true;
        // ...so a field sent twice, or again in another case, is refused: otherwise the last one silently wins
        // ("district":"derna", then "District":"tripoli" was stored as Tripoli and alerted nobody in Derna).
        options.AllowDuplicateProperties = false;
        // A misspelt field is an error, not silently ignored: the operator learns at once.
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        // Numbers as JSON numbers only: REST's web defaults also read "32.7", which SignalR's did not.
        options.NumberHandling = JsonNumberHandling.Strict;
        options.MaxDepth = MaxDepth;
    }
}
