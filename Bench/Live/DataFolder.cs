namespace Coordination.Bench.Live;

/// <summary>Each live scenario starts its hub on an empty data folder of its own.</summary>
internal static class DataFolder
{
    /// <summary>The folder <paramref name="name"/> under <paramref name="parent"/>, emptied and created.</summary>
    public static string Fresh(string parent, string name)
    {
        var path = Path.Combine(parent, name);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        Directory.CreateDirectory(path);
        return path;
    }
}
