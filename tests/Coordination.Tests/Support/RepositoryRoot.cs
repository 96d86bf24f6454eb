namespace Coordination.Tests.Support;

/// <summary>The checkout the tests run from (the folder holding Coordination.sln), for the files they hold the code to: the README, compose, the scripts.</summary>
internal static class RepositoryRoot
{
    public static string Folder { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Coordination.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Coordination.sln above {AppContext.BaseDirectory}.");
    }
}
