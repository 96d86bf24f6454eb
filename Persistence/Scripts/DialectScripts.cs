using System.Globalization;

namespace Coordination.Persistence.Scripts;

/// <summary>
/// The scripts each dialect writes its own way, from &lt;dialect&gt;/Sql/, reached through
/// <see cref="Dialects.ISqlDialect.Scripts"/>: every dialect must have its own copy of each, and its migrations.
/// A dialect with scripts of its own beyond these adds them in a subclass.
/// </summary>
public class DialectScripts
{
    /// <summary>Reads the scripts of the dialect whose folder is <paramref name="dialect"/> ("Sqlite", "SqlServer").</summary>
    public DialectScripts(string dialect)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialect);
        Dialect = dialect;
        AgencyViewRead = Own(nameof(AgencyViewRead));
        AgencyViewReadRecent = Own(nameof(AgencyViewReadRecent));
        CreateSchemaVersions = Own(nameof(CreateSchemaVersions));
        Head = Own(nameof(Head));
        PurgeRefreshTokens = Own(nameof(PurgeRefreshTokens));
        ReadAfter = Own(nameof(ReadAfter));
        SaveCheckpoint = Own(nameof(SaveCheckpoint));
        VerifyChain = Own(nameof(VerifyChain));
        Migrations = Discover(dialect);
    }

    /// <summary>The dialect's folder.</summary>
    public string Dialect { get; }

    public string AgencyViewRead { get; }

    /// <summary>AgencyViewRead's entries, read from the log's range outward: for a short range.</summary>
    public string AgencyViewReadRecent { get; }

    public string CreateSchemaVersions { get; }

    public string Head { get; }

    /// <summary>Deletes up to @Limit refresh tokens expired at @Now: a bounded delete is written differently by each database.</summary>
    public string PurgeRefreshTokens { get; }

    public string ReadAfter { get; }

    public string SaveCheckpoint { get; }

    public string VerifyChain { get; }

    /// <summary>Every script under Migrations/&lt;dialect&gt;/, in version order: a new file there is a new migration.</summary>
    public IReadOnlyList<MigrationScript> Migrations { get; }

    /// <summary>The dialect's own script <paramref name="name"/>, from &lt;dialect&gt;/Sql/&lt;name&gt;.sql.</summary>
    protected string Own(string name) => EmbeddedScripts.Text($"{Dialect}/Sql/{name}.sql");

    private static MigrationScript[] Discover(string dialect)
    {
        var folder = $"Migrations/{dialect}/";
        return EmbeddedScripts.Paths
            .Where(p => p.StartsWith(folder, StringComparison.Ordinal))
            .Select(p =>
            {
                var name = Path.GetFileNameWithoutExtension(p);
                var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
                return new MigrationScript(version, name, EmbeddedScripts.Text(p));
            })
            .OrderBy(m => m.Version)
            .ToArray();
    }
}
