namespace Coordination.Hub.Startup;

/// <summary>Coordination (top level): where the hub keeps its files, and request limits.</summary>
public sealed class HubOptions
{
    public const string Section = "Coordination";

    /// <summary>Folder for the SQLite file, the signing key and the routing rules; relative to the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Largest accepted request body in bytes. Commands are small; a larger body is refused with 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;
}
