namespace Coordination.Hub.Refusals;

/// <summary>
/// A command or read that is refused, with the HTTP status that says why and its reason in both languages.
/// Nothing was written. Raised only through the catalogue (<see cref="Refuse"/>), so every reason a person can
/// read has its Arabic beside its English.
/// </summary>
public sealed class RefusalException : Exception
{
    public RefusalException(int status, Text title, Text detail, TimeSpan? retryAfter = null) : base(detail.English)
    {
        Status = status;
        Title = title;
        Detail = detail;
        RetryAfter = retryAfter;
    }

    public RefusalException() : this(StatusCodes.Status400BadRequest, Refuse.BadRequestTitle, Refuse.BadRequestTitle) { }

    public RefusalException(string message) : this(StatusCodes.Status400BadRequest, Refuse.BadRequestTitle, new Text(message, message)) { }

    public RefusalException(string message, Exception inner) : base(message, inner)
    {
        Status = StatusCodes.Status400BadRequest;
        Title = Refuse.BadRequestTitle;
        Detail = new Text(message, message);
    }

    /// <summary>The HTTP status: 400, 401, 403, 404, 409 or 429.</summary>
    public int Status { get; }

    public Text Title { get; }

    public Text Detail { get; }

    /// <summary>When to try again (sent as Retry-After), for 429.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>
    /// Values a client acts on without reading the words, sent as members of the ProblemDetails beside its status
    /// (e.g. <c>headPosition</c> when a catch-up asks after the end of the log).
    /// </summary>
    public IReadOnlyDictionary<string, object?> Extensions { get; init; } = new Dictionary<string, object?>();
}
