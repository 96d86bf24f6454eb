using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Testing;
using Coordination.Tests.Support;

namespace Coordination.Tests.Hub.Startup;

/// <summary>
/// A ministry's server starts with no published accounts: Production refuses the sample users, and the first
/// administrator is created once, at the server, by a command.
/// </summary>
[TestFixture]
public sealed class FirstAdministratorTests
{
    private const string Password = "Tripoli-Command-2026";

    [Test]
    public async Task Production_refuses_to_start_with_the_sample_users_and_names_the_setting()
    {
        using var data = new TempDirectory();
        await using var hub = new HubProcess(data.Path, new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });

        var (exitCode, output) = await hub.RunCommandAsync(null);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(output, Does.Contain("Coordination:Auth:SeedSampleUsers").And.Contain("admin create"));
            Assert.That(output, Does.Not.Contain("   at "), "a refusal to start is a message, not a stack trace");
        });
    }

    [Test]
    public async Task The_first_administrator_is_created_once_on_an_empty_production_database_and_can_sign_in()
    {
        using var data = new TempDirectory();
        var settings = new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Coordination:Auth:SeedSampleUsers"] = "false" };
        await using var hub = new HubProcess(data.Path, settings);

        var tooShort = await hub.RunCommandAsync("short", "admin", "create", "--user", "chief.admin");
        var created = await hub.RunCommandAsync(Password, "admin", "create", "--user", "chief.admin", "--name", "رئيس النظام");
        var again = await hub.RunCommandAsync(Password, "admin", "create", "--user", "second.admin");
        await hub.StartAsync();

        using var http = new HttpClient { BaseAddress = hub.BaseAddress };
        using var signIn = await http.PostAsJsonAsync("api/auth/token", new { userName = "chief.admin", password = Password });
        using var sample = await http.PostAsJsonAsync("api/auth/token", new { userName = "admin", password = HubProcess.SamplePassword });
        http.DefaultRequestHeaders.Authorization = new("Bearer", JsonDocument.Parse(await signIn.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString());
        var users = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/admin/users", UriKind.Relative))).RootElement.EnumerateArray()
            .ToDictionary(u => u.GetProperty("userName").GetString()!, u => u.GetProperty("role").GetString());
        var agencies = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/reference/agencies", UriKind.Relative))).RootElement.GetArrayLength();

        Assert.Multiple(() =>
        {
            Assert.That(tooShort.ExitCode, Is.EqualTo(1));
            Assert.That(tooShort.Output, Does.Contain("at least 12 characters"));
            Assert.That(created.ExitCode, Is.EqualTo(0), created.Output);
            Assert.That(created.Output, Does.Contain("Administrator 'chief.admin' created"));
            Assert.That(again.ExitCode, Is.EqualTo(1));
            Assert.That(again.Output, Does.Contain("'chief.admin' is already an administrator"));
            Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(sample.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "no sample account exists");
            Assert.That(users, Is.EqualTo(new Dictionary<string, string?> { ["chief.admin"] = "Administrator" }));
            Assert.That(agencies, Is.GreaterThan(10), "the agencies were entered as a first start enters them");
        });
    }

    [Test]
    public async Task Turning_the_sample_users_on_after_the_first_start_adds_them()
    {
        using var data = new TempDirectory();
        await using (var first = await HubHost.StartAsync(data.Path, new Dictionary<string, string?> { ["Coordination:Auth:SeedSampleUsers"] = "false" }))
        {
            using var refused = await first.Http.PostAsJsonAsync("api/auth/token", new { userName = "commander", password = HubHost.Password });
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        await using var second = await HubHost.StartAsync(data.Path);
        using var commander = await second.ClientForAsync("commander");
        Assert.That((await commander.GetOkAsync("api/auth/me")).GetProperty("role").GetString(), Is.EqualTo("Commander"));
    }
}
