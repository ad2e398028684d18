namespace BehaviorGraph.Console.Tests.Support;

/// <summary>
/// Where the tests put their screenshots: <c>$BEHAVIORGRAPH_CONSOLE_SCREENSHOTS</c> if set (the README's pictures are
/// taken with it set to tests/BehaviorGraph.Console.Tests/Screenshots), else a folder beside the test assembly, so an ordinary run changes no tracked file.
/// </summary>
internal static class Screenshots
{
    public static string Folder
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("BEHAVIORGRAPH_CONSOLE_SCREENSHOTS");
            var folder = string.IsNullOrWhiteSpace(configured)
                ? Path.Combine(AppContext.BaseDirectory, "screenshots")
                : Path.GetFullPath(configured, Bgraph.RepositoryRoot);
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public static string PathOf(string name) => Path.Combine(Folder, name);
}
