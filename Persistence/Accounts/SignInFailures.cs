namespace Coordination.Persistence.Accounts;

/// <summary>Where an account's failed sign-ins stand.</summary>
/// <param name="Account">Failures in a row from every address together.</param>
/// <param name="FromAddress">Failures in a row from the address signing in now.</param>
public sealed record SignInFailures(FailureCount Account, FailureCount FromAddress);

/// <summary>Failed sign-ins in a row and when the last one was (<see cref="None"/>: none remembered).</summary>
public sealed record FailureCount(int Failures, DateTimeOffset LastFailedAt)
{
    /// <summary>No failure remembered.</summary>
    public static FailureCount None { get; } = new(0, DateTimeOffset.MinValue);
}
