using BehaviorGraph.Cli.Tests.Support;

namespace BehaviorGraph.Cli.Tests;

/// <summary>A mistyped option is an error naming it, never silently ignored (`--stirct` must not run without strict mode).</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--stirct", "ingest", "events.csv")]
    [InlineData("--bogus", "analyze")]
    [InlineData("--bogus", "stats")]
    [InlineData("--top=3", "models")]
    [InlineData("extra", "stats")]
    public async Task AnUnknownOptionOrArgument_IsAUsageErrorNamingIt(string unknown, params string[] command)
    {
        using var dir = new TempDirectory();
        dir.Write("events.csv", "ts,type,actor,target\n2024-01-01T00:00:00Z,follow,a1,a2\nbad,follow,a1,a2\n");

        var result = await Bgraph.RunAsync(dir.Path, [.. command, unknown, "--store", "sqlite:./s.db"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(unknown.TrimStart('-').Split('=')[0], result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("s.db")) && command[0] == "ingest" && new FileInfo(dir.File("s.db")).Length > 0 && IngestedAnything(dir.File("s.db")),
            "the command ran although its command line was wrong");
    }

    private static bool IngestedAnything(string path)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM events";
        return (long)command.ExecuteScalar()! > 0;
    }
}
