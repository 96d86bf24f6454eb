using Coordination.Persistence.Dialects;
using Coordination.Tests.Support;

namespace Coordination.Tests.Persistence;

/// <summary>
/// Dependencies between Persistence's folders point one way: no folder refers to a folder that refers back to it,
/// directly or around a longer loop. A folder is the namespace under Coordination.Persistence (the root's own
/// types, which compose the rest, are one more); a reference is any use of a type, in a signature or in code.
/// </summary>
[TestFixture]
public sealed class FolderLoopTests
{
    private const string Root = "Coordination.Persistence";

    [Test]
    public void No_folder_of_Persistence_refers_to_a_folder_that_refers_back_to_it()
    {
        var edges = FolderEdges();
        foreach (var group in edges.Keys.GroupBy(e => e.From).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            TestContext.Out.WriteLine($"{group.Key} -> {string.Join(", ", group.Select(e => e.To).Order(StringComparer.Ordinal))}");
        }

        var loops = Loops(edges.Keys);
        Assert.That(loops.Select(loop => string.Join(" -> ", loop)), Is.Empty, string.Join("\n", loops.Select(loop =>
            string.Join(" -> ", loop) + ", for instance:" + string.Concat(loop.Zip(loop.Skip(1)).Select(step => $"\n    {edges[step]}")))));
    }

    [Test]
    public void The_references_are_seen_in_signatures_and_in_code()
    {
        var edges = FolderEdges();
        Assert.Multiple(() =>
        {
            // A constructor parameter, and a script named only inside a method body.
            Assert.That(edges, Does.ContainKey(("EventLog", "Dialects")));
            Assert.That(edges, Does.ContainKey(("EventLog", "Scripts")));
            Assert.That(edges, Does.ContainKey(("Projections", "EventLog")));
            Assert.That(edges, Does.ContainKey(("(root)", "Projections")));
        });
    }

    [Test]
    public void A_loop_is_named_whatever_its_length()
    {
        (string, string)[] edges = [("A", "B"), ("B", "A"), ("C", "D"), ("D", "E"), ("E", "C"), ("F", "A"), ("C", "G")];
        Assert.That(Loops(edges).Select(loop => string.Join(" -> ", loop)), Is.EquivalentTo(new[] { "A -> B -> A", "C -> D -> E -> C" }));
    }

    /// <summary>(folder, folder it refers to) with one reference that makes it, e.g. "EventLogStore -> ISqlDialect".</summary>
    private static Dictionary<(string From, string To), string> FolderEdges()
    {
        var edges = new Dictionary<(string, string), string>();
        foreach (var (from, to) in TypeReferences.Within(typeof(ISqlDialect).Assembly))
        {
            if (FolderOf(from) is { } source && FolderOf(to) is { } target && source != target)
            {
                edges.TryAdd((source, target), $"{from.FullName} -> {to.FullName}");
            }
        }

        return edges;
    }

    private static string? FolderOf(Type type) => type.Namespace switch
    {
        Root => "(root)",
        { } name when name.StartsWith(Root + ".", StringComparison.Ordinal) => name[(Root.Length + 1)..].Split('.')[0],
        _ => null, // generated code outside Persistence's namespaces
    };

    /// <summary>Each loop once, as the folders around it from its alphabetically first one back to that one.</summary>
    private static List<string[]> Loops(IEnumerable<(string From, string To)> edges)
    {
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).Order(StringComparer.Ordinal).ToArray());
        var loops = new List<string[]>();
        foreach (var start in next.Keys.Order(StringComparer.Ordinal))
        {
            Walk([start]);

            // A loop through a folder before `start` was found from that folder; from here, only later ones.
            void Walk(List<string> path)
            {
                foreach (var to in next.GetValueOrDefault(path[^1]) ?? [])
                {
                    if (to == start)
                    {
                        loops.Add([.. path, start]);
                    }
                    else if (string.CompareOrdinal(to, start) > 0 && !path.Contains(to))
                    {
                        Walk([.. path, to]);
                    }
                }
            }
        }

        return loops;
    }
}
