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

    /// <summary>Reads of incidents (board, details, inbox, catch-up, figures, verify) allowed per user per minute: far above a polling console or a busy commander.</summary>
    public int ReadsPerMinute { get; set; } = 600;

    /// <summary>Live SignalR connections one user may hold open on one hub (consoles in several tabs, a .NET client); one more is refused with 429.</summary>
    public int MaxConnectionsPerUser { get; set; } = 20;

    /// <summary>A user's reads of a restricted incident in this window, after the first, are recorded as one counted entry when it closes.</summary>
    public TimeSpan RestrictedAccessAuditWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a refresh token stays usable after sign-in.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(7);
}
