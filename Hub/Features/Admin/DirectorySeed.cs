using Coordination.Agencies.Contracts.Directory;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Agencies;
using Coordination.Dispatch.Routing;
using Coordination.Hub.Auth;
using Coordination.Persistence.Accounts;

namespace Coordination.Hub.Features.Admin;

/// <summary>
/// First start: the sample agencies entered as if by an administrator, as entries of the directory stream; and, while
/// <see cref="AuthOptions.SeedSampleUsers"/> is on, any sample user not yet in the directory. Idempotent.
/// </summary>
public sealed class DirectorySeed(DirectoryEntries directory, DirectoryStore store)
{
    private static readonly Guid Seed = new("5eed5eed-0000-4000-8000-000000000000");

    public async Task SeedAsync(AuthOptions auth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auth);
        var seeder = new Caller("seed", Role.Administrator, "moi-duty");
        if (await directory.IsEmptyAsync(cancellationToken))
        {
            foreach (var agency in AgencyDirectory.SampleAgencies())
            {
                await directory.AppendAsync(seeder, DerivedEventId.Create(Seed, "agency:" + agency.Code), EventTypes.AgencyRegistered,
                    new AgencyRegistered(agency.Code, agency.NameAr, agency.NameEn, agency.Kind, seeder.UserName), cancellationToken);
            }
        }

        if (!auth.SeedSampleUsers)
        {
            return;
        }

        // Sample users missing from the directory are added whenever the setting is on, so turning it on later works;
        // one that exists (perhaps disabled, or with a new password) is left as an administrator made it.
        var existing = (await store.UsersAsync(cancellationToken)).Select(u => DirectoryStore.Key(u.UserName)).ToHashSet(StringComparer.Ordinal);

        var users = new List<(string Name, string Display, Role Role, string Agency)>
        {
            ("duty.operator", "مشغل المناوبة / Duty operator", Role.Operator, "moi-duty"),
            ("commander", "القائد / Commander", Role.Commander, "moi-duty"),
            ("admin", "المسؤول / Administrator", Role.Administrator, "moi-duty"),
        };
        users.AddRange(AgencyDirectory.SampleAgencies().Where(a => a.Code != "moi-duty").Select(a => ($"liaison.{a.Code}", $"{a.NameAr} / {a.NameEn}", Role.Liaison, a.Code)));
        foreach (var (name, display, role, agency) in users.Where(u => !existing.Contains(u.Name)))
        {
            await directory.AppendAsync(seeder, DerivedEventId.Create(Seed, "user:" + name), EventTypes.UserRegistered,
                new UserRegistered(name, display, role.ToString(), agency, seeder.UserName), cancellationToken);
            await store.SetPasswordHashAsync(name, UserAccounts.HashPassword(name, auth.SamplePassword), cancellationToken);
        }
    }
}
