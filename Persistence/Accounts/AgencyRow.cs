namespace Coordination.Persistence.Accounts;

/// <summary>An agency as the directory of agencies and users holds it.</summary>
public sealed class AgencyRow
{
    public string Code { get; set; } = "";
    public string NameAr { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string Kind { get; set; } = "";
}
