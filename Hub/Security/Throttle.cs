using System.Threading.RateLimiting;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;

namespace Coordination.Hub.Security;

/// <summary>
/// Per-minute limits on sign-in (per client address), on reporting and on reading (per user), for REST and hub alike,
/// taken by <see cref="UseCasePipeline"/> for the use cases that name one. A refused request gets 429 with
/// Retry-After; nothing is written.
/// </summary>
public sealed class Throttle(SecurityOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _signIns = Create(options.SignInsPerMinute);
    private readonly PartitionedRateLimiter<string> _reports = Create(options.ReportsPerMinute);
    private readonly PartitionedRateLimiter<string> _reads = Create(options.ReadsPerMinute);

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
        using var lease = limiter.AttemptAcquire(key);
        if (!lease.IsAcquired)
        {
            throw refusal(lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1));
        }
    }

    private static PartitionedRateLimiter<string> Create(int perMinute) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public void Dispose()
    {
        _signIns.Dispose();
        _reports.Dispose();
        _reads.Dispose();
    }
}
