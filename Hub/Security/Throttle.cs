using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;

namespace Coordination.Hub.Security;

/// <summary>
/// Per-minute limits on sign-in (per client address), on reporting and on reading (per user), for REST and hub alike,
/// taken by <see cref="UseCasePipeline"/> for the use cases that name one. A refused request gets 429 with
/// Retry-After (the time until the key's minute ends); nothing is written.
/// </summary>
public sealed class Throttle(SecurityOptions options, TimeProvider time)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly PerKeyWindows _signIns = new(options.SignInsPerMinute, Minute, time);
    private readonly PerKeyWindows _reports = new(options.ReportsPerMinute, Minute, time);
    private readonly PerKeyWindows _reads = new(options.ReadsPerMinute, Minute, time);

    /// <summary>Takes one permit of <paramref name="limit"/> for <paramref name="key"/>, or refuses.</summary>
    public void Take(RateLimit limit, string key)
    {
        var (limiter, refusal) = limit switch
        {
            RateLimit.SignInsPerAddress => (_signIns, (Func<TimeSpan, RefusalException>)Refuse.TooManySignIns),
            RateLimit.ReportsPerUser => (_reports, Refuse.TooManyReports),
            RateLimit.ReadsPerUser => (_reads, Refuse.TooManyReads),
            _ => throw new ArgumentOutOfRangeException(nameof(limit), limit, "Not a rate limit."),
        };
        if (!limiter.TryTake(key, out var retryAfter))
        {
            throw refusal(retryAfter);
        }
    }
}
