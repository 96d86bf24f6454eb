using System.Threading.RateLimiting;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Localization;

namespace Coordination.Hub.Security;

/// <summary>
/// Per-minute limits on sign-in (per client address) and on reporting (per user), for REST and hub
/// alike. A refused request gets 429 with Retry-After; nothing is written.
/// </summary>
public sealed class Throttle(SecurityOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _signIns = Create(options.SignInsPerMinute);
    private readonly PartitionedRateLimiter<string> _reports = Create(options.ReportsPerMinute);

    public void SignIn(string clientAddress) =>
        Acquire(_signIns, clientAddress, s => Say.Of($"Too many sign-in attempts from this address. Try again in {s} s.", $"محاولات دخول كثيرة من هذا العنوان. أعد المحاولة بعد {s} ثانية."));

    public void Report(string userName) =>
        Acquire(_reports, userName, s => Say.Of($"Too many reports from this account in one minute. Try again in {s} s.", $"بلاغات كثيرة من هذا الحساب خلال دقيقة. أعد المحاولة بعد {s} ثانية."));

    private static void Acquire(PartitionedRateLimiter<string> limiter, string key, Func<double, string> message)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (!lease.IsAcquired)
        {
            var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
            throw CommandRejectedException.TooManyRequests(message(Math.Ceiling(retryAfter.TotalSeconds)), retryAfter);
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
    }
}
