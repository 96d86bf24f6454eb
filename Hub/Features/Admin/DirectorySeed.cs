using Coordination.Agencies.Contracts.Directory;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Agencies;
using Coordination.Dispatch.Routing;
using Coordination.Hub.Auth;
using Coordination.Persistence.Accounts;

namespace Coordination.Hub.Features.Admin;

/// <summary>First start: the sample agencies (and users, when asked) entered as if by an administrator, as entries of the directory stream. Idempotent.</summary>
public sealed class DirectorySeed(DirectoryEntries directory, DirectoryStore store)
{
    private static readonly Guid Seed = new("5eed5eed-0000-4000-8000-000000000000");

    public async Task SeedAsync(AuthOptions auth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auth);
        if (!await directory.IsEmptyAsync(cancellationToken))
        {
            return;
        }

        var seeder = new Caller("seed", Role.Administrator, "moi-duty");
        foreach (var agency in AgencyDirectory.SampleAgencies())
        {
            await directory.AppendAsync(seeder, DerivedEventId.Create(Seed, "agency:" + agency.Code), EventTypes.AgencyRegistered,
                new AgencyRegistered(agency.Code, agency.NameAr, agency.NameEn, agency.Kind, seeder.UserName), cancellationToken);
        }

        if (!auth.SeedSampleUsers)
        {
            return;
        }

        var users = new List<(string Name, string Display, Role Role, string Agency)>
        {
            ("duty.operator", "مشغل المناوبة / Duty operator", Role.Operator, "moi-duty"),
            ("commander", "القائد / Commander", Role.Commander, "moi-duty"),
            ("admin", "المسؤول / Administrator", Role.Administrator, "moi-duty"),
        };
        users.AddRange(AgencyDirectory.SampleAgencies().Where(a => a.Code != "moi-duty").Select(a => ($"liaison.{a.Code}", $"{a.NameAr} / {a.NameEn}", Role.Liaison, a.Code)));
        foreach (var (name, display, role, agency) in users)
        {
            await directory.AppendAsync(seeder, DerivedEventId.Create(Seed, "user:" + name), EventTypes.UserRegistered,
                new UserRegistered(name, display, role.ToString(), agency, seeder.UserName), cancellationToken);
            await store.SetPasswordHashAsync(name, UserAccounts.HashPassword(name, auth.SamplePassword), cancellationToken);
        }
    }
}
