using Coordination.Hub.Localization;
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

    public CommandRejectedException(string message) : this(StatusCodes.Status400BadRequest, Say.Of("Bad request", "طلب غير صحيح"), message) { }

    public CommandRejectedException(string message, Exception inner) : base(message, inner) => Title = "Bad request";

    public int StatusCode { get; } = StatusCodes.Status400BadRequest;

    public string Title { get; } = "";

    public static CommandRejectedException NotFound(string detail) => new(StatusCodes.Status404NotFound, Say.Of("Not found", "غير موجود"), detail);

    public static CommandRejectedException Forbidden(string detail) => new(StatusCodes.Status403Forbidden, Say.Of("Forbidden", "غير مسموح"), detail);

    public static CommandRejectedException Conflict(string detail) => new(StatusCodes.Status409Conflict, Say.Of("Conflict", "تعارض"), detail);

    public static CommandRejectedException TooManyRequests(string detail, TimeSpan retryAfter) =>
        new(StatusCodes.Status429TooManyRequests, Say.Of("Too many requests", "طلبات كثيرة"), detail) { RetryAfter = retryAfter };

    /// <summary>When to try again (sent as Retry-After), for 429.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
