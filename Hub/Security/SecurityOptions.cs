namespace Coordination.Hub.Security;

/// <summary>Coordination:Security. Browser-facing protections and request limits.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Coordination:Security";

    /// <summary>Origins allowed to call the API from a browser page served elsewhere. Empty: only the hub's own pages.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>
    /// Failed sign-ins in a row on an account from one client address before that address is locked out of it;
    /// also how many, from all addresses together, before each further attempt on the account is held back.
    /// </summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long an address stays locked out of an account, and how long failures are remembered.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The longest an attempt on an account is held back after failures from anywhere (the hold starts at a second
    /// and doubles with each further failure). Kept short so the owner gets in with the right password after it.
    /// </summary>
    public TimeSpan MaxSignInDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sign-in attempts allowed per client address per minute.</summary>
    public int SignInsPerMinute { get; set; } = 20;

    /// <summary>Incident reports allowed per user per minute (a flood of reports from one account is refused with 429).</summary>
    public int ReportsPerMinute { get; set; } = 120;

    /// <summary>How long a refresh token stays usable after sign-in.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(7);
}
