using Coordination.Persistence.Accounts;

namespace Coordination.Hub.Security;

/// <summary>
/// What failed sign-ins cost (<c>Coordination:Security</c>). An address that failed <c>MaxFailedSignIns</c> times in
/// a row on an account is locked out of that account for <c>LockoutDuration</c>; other addresses are not. The account
/// itself is never locked, since anyone could then keep its owner out in an emergency: after as many failures from
/// all addresses together, each attempt is held back until a second after the last failure, doubling with each
/// further failure up to <c>MaxSignInDelay</c>. Guessing slows down; the owner gets in after at most that wait.
/// </summary>
public sealed class SignInBackoff(SecurityOptions options, TimeProvider time)
{
    /// <summary>How long an attempt on the account must wait before its password is checked; zero when it need not.</summary>
    public TimeSpan HoldFor(SignInFailures failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        var account = failures.Account;
        var now = time.GetUtcNow();
        if (!Remembered(account, now) || account.Failures < options.MaxFailedSignIns)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(account.Failures - options.MaxFailedSignIns, 30);
        var delay = TimeSpan.FromSeconds(Math.Min(1L << doublings, options.MaxSignInDelay.TotalSeconds));
        // Never longer than the delay itself, even when another hub's clock put the last failure ahead of ours.
        var wait = account.LastFailedAt + delay - now;
        return wait <= TimeSpan.Zero ? TimeSpan.Zero : wait < delay ? wait : delay;
    }

    /// <summary>True when the address signing in has failed too often on this account lately: it is refused, whatever the password.</summary>
    public bool LocksOut(SignInFailures failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        return Remembered(failures.FromAddress, time.GetUtcNow()) && failures.FromAddress.Failures >= options.MaxFailedSignIns;
    }

    // The store starts a count again once its last failure is older than this (SignInFailureStore.RecordAsync).
    private bool Remembered(FailureCount count, DateTimeOffset now) => count.LastFailedAt >= now - options.LockoutDuration;
}
