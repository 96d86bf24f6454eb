using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Hub.Features.Plans;
using Coordination.Hub.Features.Register;
using Coordination.Persistence.EventLog;
using Coordination.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Hub.Api;

/// <summary>
/// Agencies declare what they hold (capability, count, district) on a stream each; the register sets what each risk's
/// plans need against it, per capability, in the risk's districts and nationally, and names the gap.
/// </summary>
[TestFixture]
public sealed class CapabilitiesTests
{
    [Test]
    public async Task A_liaison_declares_their_own_agency_s_holdings_and_bad_declarations_are_refused_naming_the_field_with_nothing_written()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var civilDefence = await hub.ClientForAsync("liaison.civil-defence");
        using var ncem = await hub.ClientForAsync("liaison.ncem");
        using var commander = await hub.ClientForAsync("commander");
        using var admin = await hub.ClientForAsync("admin");

        var vocabulary = await commander.GetOkAsync("api/reference/capabilities");
        var sample = await commander.GetOkAsync("api/capabilities/civil-defence");
        var everyone = await ncem.GetOkAsync("api/capabilities");
        var head = await HeadAsync(hub);

        var holdings = new object[]
        {
            new { capability = "swift-water-rescue-team", count = 5, district = "derna" },
            new { capability = "rescue-boat", count = 0, district = "benghazi" },
        };
        using var noReason = await Put(civilDefence, "civil-defence", new { holdings });
        using var otherAgency = await Put(ncem, "civil-defence", new { holdings, reason = "x" });
        using var byCommander = await Put(commander, "civil-defence", new { holdings, reason = "x" });
        using var unknownAgency = await Put(admin, "nasa", new { holdings, reason = "x" });
        using var bad = await Put(civilDefence, "civil-defence", new
        {
            holdings = new object?[]
            {
                new { capability = "jetpack", count = 1, district = "derna" },
                new { capability = "ambulance", count = -2, district = "atlantis" },
                new { capability = "rescue-boat", count = 1, district = "tripoli" },
                new { capability = "rescue-boat", count = 3, district = "tripoli" },
                new { capability = (string?)null, count = (int?)null, district = (string?)null },
                null,
            },
            reason = "x",
        }, "ar");
        using var wrongType = await Put(civilDefence, "civil-defence", new { holdings = new[] { new { capability = "rescue-boat", count = "4", district = "tripoli" } }, reason = "x" });
        using var hostile = await Put(civilDefence, "civil-defence", new { holdings, reason = "تحديث\u200B" });
        var headAfterRefusals = await HeadAsync(hub);

        var saved = await civilDefence.PutOkAsync("api/capabilities/civil-defence", new { holdings, reason = "جرد الشتاء", expectedVersion = 1 });
        using var stale = await Put(civilDefence, "civil-defence", new { holdings = holdings[..1], reason = "x", expectedVersion = 1 });
        var again = await civilDefence.PutOkAsync("api/capabilities/civil-defence", new { holdings, reason = "مرة أخرى" });
        var now = await commander.GetOkAsync("api/capabilities/civil-defence");
        var badErrors = await Errors(bad);

        Assert.Multiple(async () =>
        {
            Assert.That(vocabulary.EnumerateArray().Select(c => c.GetProperty("code").GetString()),
                Is.SupersetOf(new[] { "swift-water-rescue-team", "rescue-boat", "ambulance", "field-hospital", "shelter", "water-tanker", "heavy-machinery", "search-and-rescue-team", "firefighting-unit" }));
            Assert.That(vocabulary.EnumerateArray().All(c => c.GetProperty("nameAr").GetString()!.Length > 0 && c.GetProperty("nameEn").GetString()!.Length > 0), Is.True);
            Assert.That(sample.GetProperty("current").GetProperty("isSample").GetBoolean(), Is.True, "the sample holdings are marked");
            Assert.That(sample.GetProperty("current").GetProperty("version").GetInt32(), Is.EqualTo(1));
            Assert.That(everyone.GetArrayLength(), Is.GreaterThanOrEqualTo(10), "every agency, declared or not");

            Assert.That(noReason.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await Errors(noReason), Does.ContainKey("reason"));
            Assert.That(otherAgency.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await otherAgency.Content.ReadAsStringAsync(), Does.Contain("administrators declare what civil-defence holds"));
            Assert.That(byCommander.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(unknownAgency.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(badErrors.Keys, Is.SupersetOf(new[]
            {
                "holdings[0].capability", "holdings[1].count", "holdings[1].district", "holdings[3]", "holdings[4].capability", "holdings[4].count", "holdings[4].district", "holdings[5]",
            }));
            Assert.That(badErrors.Keys, Has.None.StartsWith("holdings[2]"), "the first of two lines is not the mistake");
            Assert.That(badErrors["holdings[0].capability"], Does.Contain("jetpack").And.Contain("ليست من القدرات"), "in the caller's language");
            Assert.That(wrongType.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await Errors(wrongType)).Keys.Single(), Does.Contain("count"));
            Assert.That(hostile.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await Errors(hostile), Does.ContainKey("reason"));
            Assert.That(headAfterRefusals, Is.EqualTo(head), "nothing written by a refusal");

            Assert.That(saved.GetProperty("version").GetInt32(), Is.EqualTo(2));
            Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(again.GetProperty("version").GetInt32(), Is.EqualTo(2), "the same holdings again record nothing");
            Assert.That(now.GetProperty("current").GetProperty("isSample").GetBoolean(), Is.False);
            Assert.That(now.GetProperty("current").GetProperty("declaredBy").GetString(), Is.EqualTo("liaison.civil-defence"));
            Assert.That(now.GetProperty("current").GetProperty("holdings").EnumerateArray().Select(h => (h.GetProperty("capability").GetString(), h.GetProperty("count").GetInt32(), h.GetProperty("district").GetString())),
                Is.EqualTo(new[] { ("swift-water-rescue-team", 5, "derna"), ("rescue-boat", 0, "benghazi") }));
            Assert.That(now.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("reason").GetString()), Is.EqualTo(new[] { "جرد الشتاء", "Sample holdings, declared at the first start." }));
        });
    }

    [Test]
    public async Task A_risk_s_gap_sets_the_most_any_one_of_its_plans_needs_against_what_is_held_in_its_districts_and_nationally()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var admin = await hub.ClientForAsync("admin");
        using var civilDefence = await hub.ClientForAsync("liaison.civil-defence");
        using var redCrescent = await hub.ClientForAsync("liaison.red-crescent");
        var derna = RiskWriter.IdFor("flood-derna-dams");

        var before = Lines(await redCrescent.GetOkAsync($"api/register/{derna}/gaps"));

        // A second plan answering the same risk needs more ambulances and no swift-water teams: the most of either plan counts, not the sum.
        var sample = PlanSeed.Sample().Single(p => p.Code == "flood-derna");
        var national = sample with
        {
            Code = "flood-derna-national",
            Activation = new PlanCriteriaRequest([Coordination.Agencies.Contracts.Reference.HazardType.Earthquake], Coordination.Agencies.Contracts.Reference.Severity.Extreme, ["ghat"]),
            Tasks = [sample.Tasks![4]! with { TaskId = "national-ambulances", Quantity = 12 }],
        };
        await admin.PostOkAsync("api/plans", national);
        await civilDefence.PutOkAsync("api/capabilities/civil-defence", new
        {
            holdings = new[]
            {
                new { capability = "swift-water-rescue-team", count = 4, district = "derna" },
                new { capability = "urban-search-and-rescue-team", count = 2, district = "benghazi" },
            },
            reason = "نقل فرق إلى درنة",
        });
        var after = await redCrescent.GetOkAsync($"api/register/{derna}/gaps");
        var afterLines = Lines(after);
        var overview = await redCrescent.GetOkAsync("api/register/gaps");
        using var unknown = await redCrescent.GetAsync(new Uri($"api/register/{Guid.NewGuid()}/gaps", UriKind.Relative));
        using var badPlan = await admin.PostAsJsonAsync("api/plans", sample with { Code = "flood-derna-jetpacks", Tasks = [sample.Tasks![2]! with { Capability = "jetpack" }] }, HubHost.Json);

        Assert.Multiple(async () =>
        {
            // The sample: 4 swift-water teams needed by the Derna flood plan, 1 held in Derna, 6 in all.
            Assert.That(before["swift-water-rescue-team"], Is.EqualTo((4, "flood-derna", 1, 6, 3, 0)));
            Assert.That(before["ambulance"], Is.EqualTo((10, "flood-derna", 4, 68, 6, 0)));
            Assert.That(before["heavy-machinery"], Is.EqualTo((6, "flood-derna", 3, 5, 3, 1)), "the country lacks one");
            Assert.That(afterLines["swift-water-rescue-team"], Is.EqualTo((4, "flood-derna", 4, 4, 0, 0)), "Civil Defence moved its teams to Derna");
            Assert.That(afterLines["ambulance"], Is.EqualTo((12, "flood-derna-national", 4, 68, 8, 0)), "the most one plan needs, not 22");
            Assert.That(after.GetProperty("plans").EnumerateArray().Select(p => p.GetString()), Is.EqualTo(new[] { "flood-derna", "flood-derna-national" }));
            Assert.That(after.GetProperty("lines")[0].GetProperty("capability").GetString(), Is.EqualTo("ambulance"), "largest gap first");
            Assert.That(after.GetProperty("largestGap").GetInt32(), Is.EqualTo(8));
            Assert.That(after.GetProperty("lines")[0].GetProperty("holders")[0].GetProperty("agency").GetString(), Is.EqualTo("ambulance"));
            Assert.That(overview[0].GetProperty("code").GetString(), Is.EqualTo("flood-derna-dams"), "the register's largest gap first");
            Assert.That(overview.GetArrayLength(), Is.EqualTo((await redCrescent.GetOkAsync("api/register")).GetProperty("risks").GetArrayLength()), "every risk, with a plan or not");
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(badPlan.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await Errors(badPlan)).Keys, Does.Contain("tasks[0].capability"), "a plan's task needs a capability agencies can declare");
        });
    }

    private static Dictionary<string, (int Needed, string NeededBy, int InDistricts, int Nationally, int Gap, int Shortfall)> Lines(JsonElement gaps) =>
        gaps.GetProperty("lines").EnumerateArray().ToDictionary(
            l => l.GetProperty("capability").GetString()!,
            l => (l.GetProperty("needed").GetInt32(), l.GetProperty("neededBy").GetString()!, l.GetProperty("heldInDistricts").GetInt32(),
                l.GetProperty("heldNationally").GetInt32(), l.GetProperty("gap").GetInt32(), l.GetProperty("shortfall").GetInt32()));

    private static async Task<HttpResponseMessage> Put(HttpClient client, string agency, object body, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"api/capabilities/{agency}") { Content = JsonContent.Create(body, options: HubHost.Json) };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return await client.SendAsync(request);
    }

    private static async Task<Dictionary<string, string>> Errors(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(e => e.Name, e => string.Join(" ", e.Value.EnumerateArray().Select(m => m.GetString())));

    private static async Task<long> HeadAsync(HubHost hub) => await hub.Services.GetRequiredService<IEventLog>().HeadPositionAsync(default);
}
