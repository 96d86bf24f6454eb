using Coordination.Persistence.Scripts;
using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Coordination.Tests.Support;

namespace Coordination.Tests.Persistence;

/// <summary>Every script SQL Server would run is parsed by Microsoft's T-SQL parser, with or without a server.</summary>
[TestFixture]
public sealed partial class TSqlScriptsTests
{
    private static IEnumerable<string> SqlServerScripts() => EmbeddedScripts.Paths.Where(p => !p.StartsWith("Sqlite/", StringComparison.Ordinal) && !p.StartsWith("Migrations/Sqlite/", StringComparison.Ordinal));

    [TestCaseSource(nameof(SqlServerScripts))]
    public void Every_script_SQL_Server_runs_parses_as_T_SQL(string path)
    {
        var errors = Parse(AsSent(EmbeddedScripts.Text(path)));
        Assert.That(errors, Is.Empty, string.Join("\n", errors.Select(e => $"{path}:{e.Line}:{e.Column} {e.Message}")));
    }

    [Test]
    public void The_production_logins_give_the_hubs_rows_of_every_table_and_never_a_change_to_the_log_or_the_schema()
    {
        var path = Path.Combine(RepositoryRoot.Folder, "deploy", "sqlserver", "logins.sql");
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(File.ReadAllText(path));
        var script = parser.Parse(reader, out var errors);
        var permissions = new PermissionStatements();
        script.Accept(permissions);

        Assert.Multiple(() =>
        {
            Assert.That(errors, Is.Empty, string.Join("\n", errors.Select(e => $"logins.sql:{e.Line}:{e.Column} {e.Message}")));
            Assert.That(permissions.Granted, Is.EquivalentTo(new[] { "SELECT", "INSERT", "UPDATE", "DELETE" }), "rows only: no CONTROL, ALTER, EXECUTE or CREATE");
            Assert.That(permissions.Denied, Is.EquivalentTo(new[] { "UPDATE on event_log", "DELETE on event_log" }));
        });
    }

    private sealed class PermissionStatements : TSqlFragmentVisitor
    {
        public List<string> Granted { get; } = [];

        public List<string> Denied { get; } = [];

        public override void Visit(GrantStatement node) =>
            Granted.AddRange(node.Permissions.Select(p => string.Join(" ", p.Identifiers.Select(i => i.Value.ToUpperInvariant()))));

        public override void Visit(DenyStatement node) =>
            Denied.AddRange(node.Permissions.Select(p => $"{string.Join(" ", p.Identifiers.Select(i => i.Value.ToUpperInvariant()))} on {node.SecurityTargetObject.ObjectName.MultiPartIdentifier.Identifiers[^1].Value}"));
    }


    [Test]
    public void The_parser_does_reject_broken_T_SQL()
    {
        Assert.That(Parse("CREATE TABLE dbo.x (id int NOT NULL PRIMARY KEY,, name nvarchar(10))"), Is.Not.Empty);
    }

    [Test]
    public void Both_dialects_have_the_same_migrations_and_dialect_scripts()
    {
        static string[] Names(string prefix) => EmbeddedScripts.Paths.Where(p => p.StartsWith(prefix, StringComparison.Ordinal)).Select(p => p[prefix.Length..]).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(Names("Migrations/SqlServer/"), Is.EquivalentTo(Names("Migrations/Sqlite/")));
            Assert.That(Names("SqlServer/Sql/").Where(n => n != "LockLog.sql"), Is.EquivalentTo(Names("Sqlite/Sql/")));
        });
    }

    [Test]
    public void A_listed_parameter_is_parsed_as_Dapper_sends_it()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Parse("SELECT 1 FROM dbo.t WHERE id IN @Ids;"), Is.Not.Empty);
            Assert.That(Parse(AsSent("SELECT 1 FROM dbo.t WHERE id IN @Ids;")), Is.Empty);
        });
    }

    /// <summary>Dapper expands "IN @Ids" for a list into "IN (@Ids1, @Ids2, ...)" before SQL Server sees it.</summary>
    private static string AsSent(string sql) => ListParameter().Replace(sql, "IN (${name}1, ${name}2)");

    [GeneratedRegex(@"\bIN\s+(?<name>@\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex ListParameter();

    private static IList<ParseError> Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        return errors;
    }
}
