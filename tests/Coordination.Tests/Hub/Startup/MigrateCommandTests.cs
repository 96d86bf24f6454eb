using Coordination.Testing;
using Coordination.Tests.Support;

namespace Coordination.Tests.Hub.Startup;

/// <summary>
/// The production shape migrates in a step of its own, under the owner's login; the hubs, under a login that may
/// not change the schema, only check it is current.
/// </summary>
[TestFixture]
public sealed class MigrateCommandTests
{
    [Test]
    public async Task A_hub_that_does_not_migrate_refuses_a_database_behind_and_starts_once_the_migrate_command_ran()
    {
        using var data = new TempDirectory();
        await using var hub = new HubProcess(data.Path, new Dictionary<string, string?> { ["Coordination:Storage:Migrate"] = "false" });

        var refused = await hub.RunCommandAsync(null);
        var migrated = await hub.RunCommandAsync(null, "migrate");
        var again = await hub.RunCommandAsync(null, "migrate");
        await hub.StartAsync();
        using var http = new HttpClient { BaseAddress = hub.BaseAddress };
        using var ready = await http.GetAsync(new Uri("health/ready", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(refused.ExitCode, Is.EqualTo(1));
            Assert.That(refused.Output, Does.Contain("0001_event_log").And.Contain("dotnet Coordination.Hub.dll migrate"));
            Assert.That(refused.Output, Does.Not.Contain("   at "), "a refusal to start is a message, not a stack trace");
            Assert.That(migrated.ExitCode, Is.EqualTo(0), migrated.Output);
            Assert.That(migrated.Output, Does.Contain("Applied").And.Contain("0001_event_log"));
            Assert.That(again.Output, Does.Contain("The database is current"));
            Assert.That(ready.IsSuccessStatusCode, Is.True);
        });
    }
}
