namespace Coordination.Hub.Features.Common;

/// <summary>A command that cannot be carried out, with the HTTP status that says why. Nothing was written.</summary>
public sealed class CommandRejectedException : Exception
{
    public CommandRejectedException(int statusCode, string title, string detail) : base(detail)
    {
        StatusCode = statusCode;
        Title = title;
    }

    public CommandRejectedException() : this(StatusCodes.Status400BadRequest, "Bad request", "The command was rejected.") { }

    public CommandRejectedException(string message) : this(StatusCodes.Status400BadRequest, "Bad request", message) { }

    public CommandRejectedException(string message, Exception inner) : base(message, inner) => Title = "Bad request";

    public int StatusCode { get; } = StatusCodes.Status400BadRequest;

    public string Title { get; } = "";

    public static CommandRejectedException NotFound(string detail) => new(StatusCodes.Status404NotFound, "Not found", detail);

    public static CommandRejectedException Forbidden(string detail) => new(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static CommandRejectedException Conflict(string detail) => new(StatusCodes.Status409Conflict, "Conflict", detail);

    public static CommandRejectedException TooManyRequests(string detail, TimeSpan retryAfter) =>
        new(StatusCodes.Status429TooManyRequests, "Too many requests", detail) { RetryAfter = retryAfter };

    /// <summary>When to try again (sent as Retry-After), for 429.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
