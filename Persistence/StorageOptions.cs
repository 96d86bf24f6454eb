using System.ComponentModel.DataAnnotations;

namespace Coordination.Persistence;

/// <summary>Coordination:Storage. Which database holds the log.</summary>
public sealed class StorageOptions
{
    public const string Section = "Coordination:Storage";

    /// <summary>Sqlite (embedded default) or SqlServer.</summary>
    [Required]
    [RegularExpression("^(Sqlite|SqlServer)$", ErrorMessage = "Coordination:Storage:Provider must be Sqlite or SqlServer.")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>
    /// For Sqlite, the database file path (relative paths are under the hub's data folder,
    /// Coordination:DataDirectory); empty means coordination.db in that folder. For SqlServer, the ADO.NET
    /// connection string (required).
    /// </summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// Whether the hub migrates the database when it starts. True for the embedded default. In the production
    /// shape a separate step migrates under the database owner's login (<c>dotnet Coordination.Hub.dll migrate</c>)
    /// and the hubs, connected as an application login that may not change the schema, only check that every
    /// migration has been applied and refuse to start, naming the command, when one has not.
    /// </summary>
    public bool Migrate { get; set; } = true;
}
