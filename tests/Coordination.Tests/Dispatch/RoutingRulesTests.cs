using Coordination.Agencies.Contracts.Reference;
using Coordination.Agencies.Contracts.Routing;
using Coordination.Dispatch.Agencies;
using Coordination.Dispatch.Routing;

namespace Coordination.Tests.Dispatch;

[TestFixture]
public sealed class RoutingRulesTests
{
    private static readonly AgencyDirectory Agencies = AgencyDirectory.LoadSample();

    private static string[] Route(RoutingRuleSet rules, HazardType hazard, Severity severity, string district) =>
        rules.Route(hazard, severity, district).Select(r => r.Agency).ToArray();

    [Test]
    public void The_sample_rules_route_Libyan_incidents_to_the_agencies_that_respond()
    {
        var rules = RoutingRuleSet.Of(1, RoutingRuleSet.ParseFile(RoutingRuleSet.SampleJson(), Agencies).Rules, Agencies);
        Assert.Multiple(() =>
        {
            Assert.That(Route(rules, HazardType.Flood, Severity.Extreme, "derna"),
                Is.EquivalentTo(new[] { "ncem", "civil-defence", "ambulance", "red-crescent", "municipality-derna", "security-derna" }));
            Assert.That(Route(rules, HazardType.Flood, Severity.Moderate, "tripoli"), Is.EquivalentTo(new[] { "ncem", "civil-defence", "ambulance", "red-crescent" }));
            Assert.That(Route(rules, HazardType.Flood, Severity.Minor, "tripoli"), Is.Empty, "below the rule's minimum severity");
            Assert.That(Route(rules, HazardType.ArmedClash, Severity.Severe, "tripoli"), Is.EquivalentTo(new[] { "security-tripoli", "ambulance" }));
            Assert.That(Route(rules, HazardType.ArmedClash, Severity.Extreme, "tripoli"), Is.EquivalentTo(new[] { "security-tripoli", "ambulance", "ncem" }));
            Assert.That(Route(rules, HazardType.MigrationSeaRescue, Severity.Moderate, "nuqat-khams"), Is.EquivalentTo(new[] { "coast-guard", "red-crescent", "ambulance" }));
        });
    }

    [Test]
    public void A_rules_file_with_mistakes_is_refused_naming_each_one()
    {
        const string json = """{"rules":[{"id":"dup","hazards":["Flood"],"minimumSeverity":"Minor","districts":["atlantis"],"agencies":["nasa"]},{"id":"dup","hazards":[],"minimumSeverity":"Minor","districts":[],"agencies":[]}]}""";
        var error = Assert.Throws<RoutingRulesException>(() => RoutingRuleSet.ParseFile(json, Agencies));
        Assert.That(error!.Message, Does.Contain("unknown district 'atlantis'").And.Contain("rule 2 ('dup'): the id is used twice").And.Contain("no agencies"));
    }

    [Test]
    public void A_rules_file_with_an_id_that_is_not_a_code_or_the_duty_office_as_an_agency_is_refused_naming_each()
    {
        const string json = """{"rules":[{"id":"Bad Id! <b>","hazards":["Flood"],"minimumSeverity":"Minor","districts":[],"agencies":["ncem"]},{"id":"duty","hazards":["Flood"],"minimumSeverity":"Minor","districts":[],"agencies":["moi-duty"]}]}""";
        var error = Assert.Throws<RoutingRulesException>(() => RoutingRuleSet.ParseFile(json, Agencies));
        Assert.That(error!.Message, Does.Contain("rule 1 ('Bad Id! <b>'): the id must be 3 to 60 lower-case letters, digits or hyphens")
            .And.Contain("rule 2 ('duty'): 'moi-duty' is the duty office"));
    }

    [Test]
    public void A_file_naming_an_agency_not_registered_yet_is_imported_and_the_agency_named_for_the_log()
    {
        var (rules, unknown) = RoutingRuleSet.ParseFile(
            """{"rules":[{"id":"port","hazards":["TransportAccident"],"minimumSeverity":"Minor","districts":[],"agencies":["port-benghazi","ambulance"]}]}""", Agencies);
        Assert.Multiple(() =>
        {
            Assert.That(rules.Single().Agencies, Is.EqualTo(new[] { "port-benghazi", "ambulance" }));
            Assert.That(unknown, Is.EqualTo(new[] { "rule 1 ('port'): unknown agency 'port-benghazi'" }));
            Assert.That(RoutingRuleSet.Check(rules, Agencies).Select(p => p.Kind), Is.EqualTo(new[] { RuleProblemKind.UnknownAgency }), "an edit through the API refuses it");
        });
    }

    [Test]
    public void A_newer_version_of_the_rules_takes_effect_and_an_older_one_arriving_late_does_not()
    {
        var provider = new RoutingRulesProvider(Agencies);
        var sample = RoutingRuleSet.ParseFile(RoutingRuleSet.SampleJson(), Agencies).Rules;
        var heatSouth = RoutingRuleSet.ParseFile("""{"rules":[{"id":"heat-south","hazards":["Heatwave"],"minimumSeverity":"Minor","districts":["sabha"],"agencies":["ambulance"]}]}""", Agencies).Rules;
        Assert.That(Route(provider.Current, HazardType.Heatwave, Severity.Severe, "sabha"), Is.Empty, "no rules before the first version");

        Assert.That(provider.Offer(new RoutingRulesChanged(1, sample, "seed", "first start", DateTimeOffset.UtcNow)), Is.True);
        Assert.That(provider.Offer(new RoutingRulesChanged(2, heatSouth, "admin", "heat", DateTimeOffset.UtcNow)), Is.True);
        Assert.That(provider.Offer(new RoutingRulesChanged(1, sample, "seed", "first start", DateTimeOffset.UtcNow)), Is.False, "a page read late from the bus");

        Assert.Multiple(() =>
        {
            Assert.That(provider.Current.Version, Is.EqualTo(2));
            Assert.That(Route(provider.Current, HazardType.Heatwave, Severity.Severe, "sabha"), Is.EqualTo(new[] { "ambulance" }));
        });
    }

    [Test]
    public void Derived_event_ids_are_stable_and_distinct_per_purpose()
    {
        var source = Guid.Parse("6f1c1f0e-8d1a-4c43-9f5e-0d2b8f6f7a10");
        var first = DerivedEventId.Create(source, "alert:ncem");
        var second = DerivedEventId.Create(Guid.Parse(source.ToString()), "alert:" + "ncem");
        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(first.Version, Is.EqualTo(8));
            Assert.That(DerivedEventId.Create(source, "alert:ncem"), Is.Not.EqualTo(DerivedEventId.Create(source, "alert:ambulance")));
            Assert.That(DerivedEventId.Create(source, "alert:ncem"), Is.Not.EqualTo(DerivedEventId.Create(Guid.NewGuid(), "alert:ncem")));
        });
    }

    [Test]
    public void A_derived_id_sorts_beside_its_version_7_source()
    {
        // Keys made a millisecond apart keep their order through derivation, as the log's indexes see them (as text).
        var sources = Enumerable.Range(0, 50).Select(i => Guid.CreateVersion7(new DateTimeOffset(2026, 9, 10, 23, 0, 0, TimeSpan.Zero).AddMilliseconds(i))).ToArray();
        var derived = sources.Select(s => DerivedEventId.Create(s, "incident").ToString()).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(derived, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
            Assert.That(derived.Select(d => d[..13]), Is.EqualTo(sources.Select(s => s.ToString()[..13])), "the 48-bit time is kept");
            Assert.That(derived.Distinct().Count(), Is.EqualTo(50));
        });
    }
}
