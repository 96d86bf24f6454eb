using Coordination.Hub.Authorization;
using System.Text.RegularExpressions;
using Coordination.Hub.Startup;
using YamlDotNet.RepresentationModel;
using Coordination.Tests.Support;

namespace Coordination.Tests.Hub.Startup;

/// <summary>compose.yaml and the README say only what the hub really reads, and agree with each other.</summary>
[TestFixture]
public sealed partial class DeploymentDocsTests
{
    [Test]
    public void Every_setting_compose_gives_the_hubs_is_one_the_hub_reads()
    {
        var services = Services();
        var hubs = services.Where(s => s.Key.StartsWith("hub-", StringComparison.Ordinal)).ToArray();
        Assert.That(hubs.Select(h => h.Key), Is.EquivalentTo(new[] { "hub-a", "hub-b" }));
        foreach (var (name, service) in hubs)
        {
            var keys = Environment(service).Keys
                .Where(k => k.StartsWith("Coordination__", StringComparison.Ordinal))
                .Select(k => k.Replace("__", ":", StringComparison.Ordinal))
                .ToArray();
            Assert.Multiple(() =>
            {
                Assert.That(keys, Is.SubsetOf(SettingsCatalog.Keys), $"{name} sets a setting the hub does not read");
                Assert.That(keys, Does.Contain("Coordination:Storage:Provider").And.Contain("Coordination:Bus:Transport").And.Contain("Coordination:Auth:SigningKey"));
                Assert.That(Environment(service).Keys.Where(k => !k.StartsWith("Coordination__", StringComparison.Ordinal)), Is.SubsetOf(new[] { "ASPNETCORE_URLS", "ASPNETCORE_FORWARDEDHEADERS_ENABLED", "Logging__Console__FormatterName", "Logging__Console__FormatterOptions__IncludeScopes" }));
            });
        }
    }

    [Test]
    public void The_README_configuration_table_lists_exactly_the_settings_the_hub_reads()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Folder, "README.md"));
        var documented = ConfigRow().Matches(readme).Select(m => m.Groups["key"].Value).ToHashSet();
        var expanded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in documented)
        {
            // A row may name several settings of one section: `A:B:C` / `D` / `E`.
            expanded.Add(row);
        }

        foreach (Match m in SlashedRow().Matches(readme))
        {
            var section = m.Groups["section"].Value;
            expanded.Add(section + m.Groups["first"].Value);
            foreach (Capture more in m.Groups["more"].Captures)
            {
                expanded.Add(section + more.Value);
            }
        }

        Assert.That(SettingsCatalog.Keys, Is.SubsetOf(expanded), "a setting the hub reads is missing from the README table");
        Assert.That(expanded.Where(k => k.StartsWith("Coordination:", StringComparison.Ordinal)), Is.SubsetOf(SettingsCatalog.Keys), "the README documents a setting the hub does not read");
    }

    [Test]
    public void The_README_roles_table_is_the_policy_table_the_hub_enforces()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Folder, "README.md"));
        var rows = Policies.Table.Select(p => $"| {p.Action} | {p.Operator.Says} | {p.Commander.Says} | {p.Liaison.Says} | {p.Administrator.Says} |");
        var table = string.Join("\n", ["| | operator (duty office) | commander | liaison | administrator |", "|---|---|---|---|---|", .. rows]) + "\n\n";
        Assert.That(readme, Does.Contain(table), "the README's roles table differs from Hub/Authorization/Policies.cs");
    }

    [Test]
    public void The_images_and_published_ports_in_compose_are_the_ones_the_README_lists()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Folder, "README.md"));
        foreach (var (name, service) in Services())
        {
            if (service.Children.TryGetValue(new YamlScalarNode("image"), out var image))
            {
                Assert.That(readme, Does.Contain($"`{image}`"), $"{name}'s image");
            }

            if (service.Children.TryGetValue(new YamlScalarNode("ports"), out var ports))
            {
                foreach (var port in ((YamlSequenceNode)ports).Children.Select(p => p.ToString().Split(':')[0]))
                {
                    Assert.That(readme, Does.Match($@"\|\s*{Regex.Escape(name)}[^\n]*\b{port}\b"), $"{name} publishes {port}");
                }
            }
        }
    }

    private static List<KeyValuePair<string, YamlMappingNode>> Services()
    {
        using var reader = new StreamReader(Path.Combine(RepositoryRoot.Folder, "compose.yaml"));
        var yaml = new YamlStream();
        yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        return ((YamlMappingNode)root.Children[new YamlScalarNode("services")]).Children
            .Select(c => new KeyValuePair<string, YamlMappingNode>(c.Key.ToString(), (YamlMappingNode)c.Value))
            .ToList();
    }

    private static Dictionary<string, string> Environment(YamlMappingNode service) =>
        ((YamlMappingNode)service.Children[new YamlScalarNode("environment")]).Children
            .ToDictionary(c => c.Key.ToString(), c => c.Value.ToString());


    [GeneratedRegex(@"^\| `(?<key>Coordination:[A-Za-z:]+)` \|", RegexOptions.Multiline)]
    private static partial Regex ConfigRow();

    [GeneratedRegex(@"^\| `(?<section>Coordination:(?:[A-Za-z]+:)+)(?<first>[A-Za-z]+)`(?: / `(?<more>[A-Za-z]+)`)+ \|", RegexOptions.Multiline)]
    private static partial Regex SlashedRow();
}
