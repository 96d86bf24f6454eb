using System.Reflection;
using Coordination.Persistence.Dialects;
using Coordination.Persistence.Scripts;
using Coordination.Persistence.Sqlite;
using Coordination.Persistence.SqlServer;

namespace Coordination.Tests.Persistence;

/// <summary>
/// The typed accessors and the embedded .sql files match both ways: every property names a file that exists and
/// reads it, and every file is read by a property or is a migration of its dialect. A script only one dialect has
/// cannot be on <see cref="DialectScripts"/>, and a file added without its property (or a property left after its
/// file was removed) fails here rather than at run time.
/// </summary>
[TestFixture]
public sealed class SqlScriptsTests
{
    private static IEnumerable<ISqlDialect> Dialects() =>
    [
        new SqliteDialect(Path.Combine(Path.GetTempPath(), "never-opened.db")),
        new SqlServerDialect("Server=never-connected"),
    ];

    /// <summary>(path the property's name says, the property's value) for each shared script.</summary>
    private static IEnumerable<(string Path, string Text)> Shared() =>
        typeof(SqlScripts).GetNestedTypes().SelectMany(folder => Named(folder, $"{folder.Name}/Sql/", null));

    /// <summary>(path, value) for each of the dialect's own scripts, including those only its subclass has.</summary>
    private static IEnumerable<(string Path, string Text)> Own(ISqlDialect dialect) =>
        Named(dialect.Scripts.GetType(), $"{dialect.Name}/Sql/", dialect.Scripts);

    private static IEnumerable<(string Path, string Text)> Named(Type type, string folder, object? instance) =>
        type.GetProperties(BindingFlags.Public | (instance is null ? BindingFlags.Static : BindingFlags.Instance))
            .Where(p => p.PropertyType == typeof(string) && p.Name != nameof(DialectScripts.Dialect))
            .Select(p => ($"{folder}{p.Name}.sql", (string)p.GetValue(instance)!));

    [Test]
    public void Every_shared_property_reads_the_file_its_name_names()
    {
        var shared = Shared().ToArray();
        Assert.That(shared, Has.Length.GreaterThan(40), "the accessor's folders were found");
        Assert.Multiple(() =>
        {
            foreach (var (path, text) in shared)
            {
                Assert.That(EmbeddedScripts.Paths, Does.Contain(path), $"{path} is embedded");
                Assert.That(text, Is.EqualTo(EmbeddedScripts.Text(path)).And.Not.Empty, path);
            }
        });
    }

    [TestCaseSource(nameof(Dialects))]
    public void Every_script_a_dialect_names_is_its_own_copy(ISqlDialect dialect)
    {
        var own = Own(dialect).ToArray();
        Assert.That(own, Has.Length.GreaterThanOrEqualTo(6), "the dialect's scripts were found");
        Assert.Multiple(() =>
        {
            foreach (var (path, text) in own)
            {
                Assert.That(EmbeddedScripts.Paths, Does.Contain(path), $"{dialect.Name} has its own {path}");
                Assert.That(text, Is.EqualTo(EmbeddedScripts.Text(path)).And.Not.Empty, path);
            }
        });
    }

    [TestCaseSource(nameof(Dialects))]
    public void Migrations_are_every_file_of_the_dialects_folder_in_version_order(ISqlDialect dialect)
    {
        var folder = $"Migrations/{dialect.Name}/";
        var files = EmbeddedScripts.Paths.Where(p => p.StartsWith(folder, StringComparison.Ordinal)).ToArray();
        var migrations = dialect.Scripts.Migrations;
        Assert.Multiple(() =>
        {
            Assert.That(migrations.Select(m => $"{folder}{m.Name}.sql"), Is.EquivalentTo(files));
            Assert.That(migrations.Select(m => m.Version), Is.Ordered.Ascending.And.Unique);
            Assert.That(migrations.Select(m => m.Version).First(), Is.EqualTo(1));
            Assert.That(migrations.Select(m => m.Text), Is.EqualTo(migrations.Select(m => EmbeddedScripts.Text($"{folder}{m.Name}.sql"))));
        });
    }

    [Test]
    public void Every_embedded_file_is_read_by_the_accessor()
    {
        var read = Shared().Select(s => s.Path)
            .Concat(Dialects().SelectMany(d => Own(d).Select(s => s.Path).Concat(d.Scripts.Migrations.Select(m => $"Migrations/{d.Name}/{m.Name}.sql"))))
            .ToHashSet(StringComparer.Ordinal);
        Assert.That(EmbeddedScripts.Paths.Where(p => !read.Contains(p)), Is.Empty, "embedded but read by no property");
    }

    [Test]
    public void A_script_that_is_not_embedded_fails_by_its_path()
    {
        Assert.That(() => EmbeddedScripts.Text("EventLog/Sql/Missing.sql"), Throws.InvalidOperationException.With.Message.Contains("EventLog/Sql/Missing.sql"));
    }
}
