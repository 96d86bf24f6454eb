using System.Reflection;
using System.Text.RegularExpressions;
using Coordination.Agencies.Contracts.Realtime;
using Coordination.Hub.Realtime;
using Coordination.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Hub.Api;

/// <summary>
/// A partner builds against the README's API tables: every route the hub maps has a row there, and every row names a
/// route the hub maps, by method and path (a parameter's name aside: the README writes `{id}` where a route may say `{id:guid}`);
/// likewise its hub methods and the calls a client receives.
/// </summary>
[TestFixture]
public sealed partial class ReadmeApiTableTests
{
    [Test]
    public async Task The_README_API_tables_list_exactly_the_routes_the_hub_maps()
    {
        await using var hub = await HubHost.StartFreshAsync();
        var mapped = hub.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Path: e.RoutePattern.RawText ?? "", Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]))
            // The console's own files and the SignalR hub (its own section, with its methods) are not API rows.
            .Where(e => e.Path.StartsWith("/api/", StringComparison.Ordinal) || e.Path.StartsWith("/health/", StringComparison.Ordinal)
                || e.Path == "/metrics" || e.Path.StartsWith("/openapi/", StringComparison.Ordinal))
            .SelectMany(e => e.Methods.Select(m => $"{m} {Normalised(e.Path.Replace("{documentName}.json", "v1.json", StringComparison.Ordinal))}"))
            .ToHashSet(StringComparer.Ordinal);
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Folder, "README.md"));
        var documented = ApiRow().Matches(readme)
            .SelectMany(m => PathsOf(m.Groups["paths"].Value).Select(p => $"{m.Groups["method"].Value} {Normalised(p)}"))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(mapped.Except(documented).Order(), Is.Empty, "routes the hub maps that the README's API tables leave out");
            Assert.That(documented.Except(mapped).Order(), Is.Empty, "README rows naming a route the hub does not map");
        });
    }

    [Test]
    public async Task The_README_names_exactly_the_hub_methods_and_the_calls_a_client_receives()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Folder, "README.md"));
        var realtime = readme[readme.IndexOf("### Realtime (SignalR)", StringComparison.Ordinal)..];
        var commands = realtime[realtime.IndexOf("The same commands are hub methods:", StringComparison.Ordinal)..realtime.IndexOf("each runs the", StringComparison.Ordinal)];
        var callbacks = realtime[..realtime.IndexOf("The same commands are hub methods:", StringComparison.Ordinal)];
        var hubMethods = typeof(CoordinationHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not ("OnConnectedAsync" or "OnDisconnectedAsync")).Select(m => m.Name);
        Assert.Multiple(() =>
        {
            Assert.That(Called().Matches(commands).Select(m => m.Groups["name"].Value), Is.EquivalentTo(hubMethods), "the README's list of hub methods");
            Assert.That(Listed().Matches(callbacks).Select(m => m.Groups["name"].Value), Is.EquivalentTo(typeof(ICoordinationClient).GetMethods().Select(m => m.Name)), "the README's calls the hub makes on a client");
        });
    }

    /// <summary>
    /// A row's paths as the README writes them: several in backticks (`a`, `.../b`, where `...` is the path before's
    /// folder), a set in braces (`/api/reference/{hazards,districts}`), each with its query string left off.
    /// </summary>
    private static IEnumerable<string> PathsOf(string cell)
    {
        var previous = "";
        foreach (var written in cell.Split("`, `").Select(p => p.Trim('`').Split('?')[0]))
        {
            var path = written.StartsWith("...", StringComparison.Ordinal) ? previous[..previous.LastIndexOf('/')] + written[3..] : written;
            previous = path;
            var set = BraceSet().Match(path);
            foreach (var one in set.Success ? set.Groups["names"].Value.Split(',').Select(n => path.Replace(set.Value, n, StringComparison.Ordinal)) : [path])
            {
                yield return one;
            }
        }
    }

    /// <summary>`/api/plans/{planId:guid}` and `/api/plans/{id}` are the same route to a caller.</summary>
    private static string Normalised(string path) => Parameter().Replace(path.TrimEnd('/'), "{}");

    // The paths lead the cell, in backticks (where a bar is escaped: `?format=csv\|html`); words about them may follow.
    [GeneratedRegex(@"^\| (?<method>GET|POST|PUT|DELETE|PATCH) \| (?<paths>`[^`]+`(?:, `[^`]+`)*)[^|\n]* \|", RegexOptions.Multiline)]
    private static partial Regex ApiRow();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"`(?<name>[A-Z]\w+)\(")]
    private static partial Regex Called();

    [GeneratedRegex(@"^- `(?<name>[A-Z]\w+)\(", RegexOptions.Multiline)]
    private static partial Regex Listed();

    [GeneratedRegex(@"\{(?<names>[^},]+(?:,[^},]+)+)\}")]
    private static partial Regex BraceSet();
}
