namespace Coordination.Agencies.Contracts.Directory;

/// <summary>An agency was registered, or its names changed (recorded on the directory stream).</summary>
/// <param name="Code">Stable code used in rules, alerts and sign-in.</param>
/// <param name="NameAr">Arabic name.</param>
/// <param name="NameEn">English name.</param>
/// <param name="Kind">DutyOffice, Coordination, Response, Security, Humanitarian, Municipality or Utility.</param>
/// <param name="By">The administrator.</param>
public sealed record AgencyRegistered(string Code, string NameAr, string NameEn, string Kind, string By);

/// <summary>A user was registered, or their name, role or agency changed. Never carries a password.</summary>
/// <param name="UserName">Sign-in name.</param>
/// <param name="DisplayName">Name shown to others.</param>
/// <param name="Role">Operator, Liaison, Commander or Administrator.</param>
/// <param name="Agency">The agency the user acts for.</param>
/// <param name="By">The administrator.</param>
public sealed record UserRegistered(string UserName, string DisplayName, string Role, string Agency, string By);

/// <summary>A user's password was set (the password itself is never in the log).</summary>
/// <param name="UserName">Sign-in name.</param>
/// <param name="By">The administrator.</param>
public sealed record UserPasswordSet(string UserName, string By);

/// <summary>A user may no longer sign in; their refresh tokens were revoked.</summary>
/// <param name="UserName">Sign-in name.</param>
/// <param name="By">The administrator.</param>
public sealed record UserDisabled(string UserName, string By);

/// <summary>An administrator cleared a user's failed sign-ins: no address is locked out of the account and no attempt is held back.</summary>
/// <param name="UserName">Sign-in name.</param>
/// <param name="By">The administrator.</param>
public sealed record UserUnlocked(string UserName, string By);

/// <summary>
/// An agency's system was given its own broker identity (a RabbitMQ user that reads only the agency's queue), or a new
/// password for it. The password itself is never in the log.
/// </summary>
/// <param name="Agency">The agency's code.</param>
/// <param name="UserName">The broker user.</param>
/// <param name="Rotated">True when the identity existed and only its password changed.</param>
/// <param name="By">The administrator.</param>
public sealed record AgencySystemCredentialsIssued(string Agency, string UserName, bool Rotated, string By);

/// <summary>An agency system's broker identity was removed: the broker refuses it from now on and closed its connections.</summary>
/// <param name="Agency">The agency's code.</param>
/// <param name="UserName">The broker user.</param>
/// <param name="By">The administrator.</param>
public sealed record AgencySystemCredentialsRevoked(string Agency, string UserName, string By);
