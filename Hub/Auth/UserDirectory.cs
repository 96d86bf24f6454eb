using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Agencies;
using Microsoft.AspNetCore.Identity;

namespace Coordination.Hub.Auth;

/// <summary>
/// The accounts that can sign in. For now the sample set: a duty operator, a commander and an
/// administrator in the duty office, and one liaison per agency (liaison.&lt;agency code&gt;).
/// Passwords are kept only as ASP.NET Core Identity hashes.
/// </summary>
public sealed class UserDirectory
{
    private readonly Dictionary<string, HubUser> _users;
    private readonly PasswordHasher<HubUser> _hasher = new();

    public UserDirectory(AgencyDirectory agencies, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        ArgumentNullException.ThrowIfNull(options);
        _users = new Dictionary<string, HubUser>(StringComparer.OrdinalIgnoreCase);
        if (!options.SeedSampleUsers)
        {
            return;
        }

        Add("duty.operator", "مشغل المناوبة / Duty operator", Role.Operator, "moi-duty");
        Add("commander", "القائد / Commander", Role.Commander, "moi-duty");
        Add("admin", "المسؤول / Administrator", Role.Administrator, "moi-duty");
        foreach (var agency in agencies.All.Where(a => a.Code != "moi-duty"))
        {
            Add($"liaison.{agency.Code}", $"{agency.NameAr} / {agency.NameEn}", Role.Liaison, agency.Code);
        }

        void Add(string userName, string displayName, Role role, string agency)
        {
            var user = new HubUser(userName, displayName, role, agency, "");
            _users[userName] = user with { PasswordHash = _hasher.HashPassword(user, options.SamplePassword) };
        }
    }

    public IReadOnlyCollection<HubUser> All => _users.Values;

    public bool Exists(string userName) => _users.ContainsKey(userName);

    public HubUser? Find(string userName) => _users.GetValueOrDefault(userName);

    /// <summary>The user when the name and password match; null otherwise (without saying which was wrong).</summary>
    public HubUser? Verify(string userName, string password)
    {
        if (!_users.TryGetValue(userName, out var user))
        {
            // Hash anyway so a wrong name takes as long as a wrong password.
            _hasher.VerifyHashedPassword(new HubUser("", "", Role.Liaison, "", ""), DummyHash, password);
            return null;
        }

        return _hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed ? null : user;
    }

    private static readonly string DummyHash = new PasswordHasher<HubUser>().HashPassword(new HubUser("", "", Role.Liaison, "", ""), "not-a-password");
}
