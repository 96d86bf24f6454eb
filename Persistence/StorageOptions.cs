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
}
