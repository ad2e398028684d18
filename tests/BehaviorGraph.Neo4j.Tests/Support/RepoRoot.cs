namespace BehaviorGraph.Neo4j.Tests.Support;

internal static class RepoRoot
{
    /// <summary>The directory holding BehaviorGraph.sln, found by walking up from the test binaries.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "BehaviorGraph.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No BehaviorGraph.sln above {AppContext.BaseDirectory}.");
    }
}
