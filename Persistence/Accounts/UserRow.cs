using System.Text.Json.Serialization;

namespace Coordination.Persistence.Accounts;

/// <summary>A user as the directory of agencies and users holds them; <see cref="PasswordHash"/> only when read for sign-in.</summary>
public sealed class UserRow
{
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = "";
    public string Agency { get; set; } = "";
    public bool Disabled { get; set; }
    [JsonIgnore]
    public string? PasswordHash { get; set; }
}
