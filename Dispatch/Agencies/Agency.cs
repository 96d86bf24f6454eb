namespace Coordination.Dispatch.Agencies;

/// <summary>An agency connected to the hub.</summary>
/// <param name="Code">Stable code used in rules, alerts and sign-in.</param>
/// <param name="NameAr">Arabic name.</param>
/// <param name="NameEn">English name.</param>
/// <param name="Kind">DutyOffice, Coordination, Response, Security, Humanitarian, Municipality or Utility.</param>
public sealed record Agency(string Code, string NameAr, string NameEn, string Kind);
