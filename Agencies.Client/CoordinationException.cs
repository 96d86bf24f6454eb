using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace Coordination.Agencies.Client;

/// <summary>
/// The hub refused a request, over REST or as a hub method: the status, and the ProblemDetails that say why
/// (<see cref="Title"/>, <see cref="Detail"/>, and for invalid fields <see cref="Errors"/>).
/// </summary>
public sealed class CoordinationException : Exception
{
    private const string HubMarker = "HubException: ";

    /// <summary>Creates the exception from a refusal's status and its ProblemDetails JSON.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="problem">The response body (ProblemDetails JSON).</param>
    public CoordinationException(HttpStatusCode status, string problem) : base($"{(int)status} {problem}")
    {
        Status = status;
        Problem = problem;
        if (TryParse(problem) is { } parsed)
        {
            Title = Text(parsed, "title");
            Detail = Text(parsed, "detail");
            Errors = parsed.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
                ? errors.EnumerateObject().ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Select(m => m.GetString() ?? "").ToArray())
                : new Dictionary<string, string[]>();
            HeadPosition = parsed.TryGetProperty("headPosition", out var head) && head.TryGetInt64(out var position) ? position : null;
        }
    }

    /// <summary>Creates the exception.</summary>
    public CoordinationException() { }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public CoordinationException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="inner">The cause.</param>
    public CoordinationException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The HTTP status the hub answered (the same for a hub method as for its REST endpoint).</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The ProblemDetails as sent.</summary>
    public string Problem { get; } = "";

    /// <summary>What kind of refusal, in the language the request asked for.</summary>
    public string? Title { get; }

    /// <summary>Why, in the language the request asked for.</summary>
    public string? Detail { get; }

    /// <summary>For 400: each invalid field's messages.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = new Dictionary<string, string[]>();

    /// <summary>
    /// For a 409 to a catch-up: where the log the caller may see now ends, before the position it asked after (the
    /// hub's log was restored from a backup). What the caller holds after it is no longer in the log.
    /// </summary>
    public long? HeadPosition { get; }

    /// <summary>
    /// The refusal a hub method answered with: the hub sends the same ProblemDetails as REST as the HubException's
    /// message. Null when the exception is not a refusal (the hub failed, or the connection did).
    /// </summary>
    /// <param name="exception">What <c>InvokeAsync</c> threw.</param>
    /// <returns>The refusal, or null.</returns>
    public static CoordinationException? FromHub(HubException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message;
        var marker = message.IndexOf(HubMarker, StringComparison.Ordinal);
        var problem = marker < 0 ? message : message[(marker + HubMarker.Length)..];
        return TryParse(problem) is { } parsed && parsed.TryGetProperty("status", out var status) && status.TryGetInt32(out var code)
            ? new CoordinationException((HttpStatusCode)code, problem)
            : null;
    }

    private static JsonElement? TryParse(string problem)
    {
        try
        {
            using var document = JsonDocument.Parse(problem);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement problem, string name) =>
        problem.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
