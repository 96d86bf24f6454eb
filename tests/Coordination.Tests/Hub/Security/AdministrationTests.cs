using System.Net;
using System.Net.Http.Json;
using Coordination.Agencies.Contracts.Directory;
using Coordination.Agencies.Contracts.Log;
using Coordination.Tests.Support;

namespace Coordination.Tests.Hub.Security;

/// <summary>Administrators keep agencies and users through the API; every change is in the log, no password is.</summary>
[TestFixture]
public sealed class AdministrationTests
{
    [Test]
    public async Task An_administrator_adds_an_agency_and_its_liaison_who_can_then_sign_in_and_be_disabled()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var admin = await hub.ClientForAsync("admin");
        using var commander = await hub.ClientForAsync("commander");
        const string password = "Benghazi-port-2026!";

        await admin.PostOkAsync("api/admin/agencies", new { code = "port-benghazi", nameAr = "ميناء بنغازي", nameEn = "Port of Benghazi", kind = "Response" });
        await admin.PostOkAsync("api/admin/users", new { userName = "liaison.port", displayName = "ضابط الاتصال بالميناء", role = "Liaison", agency = "port-benghazi", password });
        using var signIn = await hub.Http.PostAsJsonAsync("api/auth/token", new { userName = "liaison.port", password });
        var agencies = await commander.GetOkAsync("api/reference/agencies");

        // The new agency can at once be cleared for a restricted incident, and its liaison sees it.
        using var operatorApi = await hub.ClientForAsync("duty.operator");
        var incident = (await operatorApi.PostOkAsync("api/incidents", new
        {
            hazard = "SecurityIncident", severity = "Severe", title = "تهديد في الميناء", district = "benghazi",
            classification = "Restricted", clearedAgencies = new[] { "port-benghazi" },
        })).GetProperty("incidentId").GetGuid();
        using var port = new HttpClient { BaseAddress = hub.BaseAddress };
        var token = System.Text.Json.JsonDocument.Parse(await signIn.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();
        port.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await port.WaitForAlertsAsync();

        await admin.PostOkAsync("api/admin/users/liaison.port/disable", new { });
        using var afterDisable = await hub.Http.PostAsJsonAsync("api/auth/token", new { userName = "liaison.port", password });
        var log = await commander.ReadLogAsync();
        var directory = log.Where(e => e.Type is EventTypes.AgencyRegistered or EventTypes.UserRegistered or EventTypes.UserPasswordSet or EventTypes.UserDisabled && e.Metadata.Actor == "admin").ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(agencies.EnumerateArray().Select(a => a.GetProperty("code").GetString()), Does.Contain("port-benghazi"));
            Assert.That(afterDisable.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(directory.Select(e => e.Type), Is.EqualTo(new[] { EventTypes.AgencyRegistered, EventTypes.UserRegistered, EventTypes.UserPasswordSet, EventTypes.UserDisabled }));
            Assert.That(directory.Single(e => e.Type == EventTypes.UserRegistered).DataAs<UserRegistered>().Agency, Is.EqualTo("port-benghazi"));
            Assert.That(log.Select(e => e.Data.GetRawText()), Has.None.Contains(password).And.None.Contains("AQAAAA"), "no password or hash in the log");
            Assert.That(incident, Is.Not.EqualTo(Guid.Empty));
        });
    }

    [Test]
    public async Task Bad_directory_changes_are_refused_with_reasons_and_write_nothing()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var admin = await hub.ClientForAsync("admin");
        using var commander = await hub.ClientForAsync("commander");
        var before = (await commander.ReadLogAsync()).Count;
        var cases = new (string Path, object Body, string Says)[]
        {
            ("api/admin/users", new { userName = "New User", displayName = "x", role = "Liaison", agency = "ncem", password = "long-enough-password" }, "lower-case"),
            ("api/admin/users", new { userName = "new.user", displayName = "x", role = "Liaison", agency = "atlantis", password = "long-enough-password" }, "not known"),
            ("api/admin/users", new { userName = "new.user", displayName = "x", role = "Liaison", agency = "ncem", password = "short" }, "at least 12"),
            ("api/admin/users", new { userName = "new.user", displayName = "x", role = "Liaison", agency = "ncem" }, "required for a new user"),
            ("api/admin/users", new { userName = "new.user", displayName = "\u202Eevil", role = "Liaison", agency = "ncem", password = "long-enough-password" }, "U+202E"),
            ("api/admin/agencies", new { code = "Bad Code", nameAr = "x", nameEn = "x", kind = "Response" }, "lower-case"),
            ("api/admin/agencies", new { code = "ok-code", nameAr = "x", nameEn = "x", kind = "Army" }, "Kind must be one of"),
            ("api/admin/users/nobody.here/disable", new { }, "no user"),
            ("api/admin/users/nobody.here/unlock", new { }, "no user"),
            ("api/admin/users/admin/disable", new { }, "your own account"),
            // Demoting oneself could leave no administrator, as disabling oneself could.
            ("api/admin/users", new { userName = "admin", displayName = "Admin", role = "Liaison", agency = "ncem" }, "from your own account"),
        };
        foreach (var (path, body, says) in cases)
        {
            using var response = await admin.PostAsJsonAsync(path, body);
            var text = System.Text.RegularExpressions.Regex.Unescape(await response.Content.ReadAsStringAsync());
            Assert.That((int)response.StatusCode, Is.InRange(400, 409), $"{path}: {text}");
            Assert.That(text, Does.Contain(says), path);
        }

        Assert.That((await commander.ReadLogAsync()).Count, Is.EqualTo(before));
    }
}
