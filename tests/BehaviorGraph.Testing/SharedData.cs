namespace BehaviorGraph.Testing;

/// <summary>Finds <c>shared/data</c>, which lies beside the repository root (the folder holding BehaviorGraph.sln).</summary>
public static class SharedData
{
    public static string? Find(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BehaviorGraph.sln")))
            {
                var candidate = Path.Combine(dir.FullName, "..", "shared", "data", relativePath);
                return File.Exists(candidate) ? Path.GetFullPath(candidate) : null;
            }
        }

        return null;
    }

    public static string Describe() => $"looked for ../shared/data next to the folder holding BehaviorGraph.sln, above {AppContext.BaseDirectory}";
}
