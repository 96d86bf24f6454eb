namespace Coordination.Hub.Security;

/// <summary>Coordination:Security. Browser-facing protections and request limits.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Coordination:Security";

    /// <summary>Origins allowed to call the API from a browser page served elsewhere. Empty: only the hub's own pages.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Failed sign-ins in a row before an account is locked.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

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
