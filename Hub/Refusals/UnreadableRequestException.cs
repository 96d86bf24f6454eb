namespace Coordination.Hub.Refusals;

/// <summary>
/// A hub call whose arguments could not be read as the method's parameters (a field of the wrong type or unknown, a
/// field sent twice, too few arguments): refused as a 400 naming what was wrong, like a REST body that cannot be read.
/// Nothing was run. The reason is the inner exception, a <see cref="System.Text.Json.JsonException"/> when the JSON
/// itself was the problem.
/// </summary>
public sealed class UnreadableRequestException : Exception
{
    public UnreadableRequestException() { }

    public UnreadableRequestException(string message) : base(message) { }

    public UnreadableRequestException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The hub method called.</summary>
    public string Method { get; init; } = "";

    /// <summary>The refusal of a call of <paramref name="method"/> whose arguments could not be read.</summary>
    public static UnreadableRequestException Of(string method, Exception reason) =>
        new($"The arguments of {method} could not be read.", reason) { Method = method };
}
