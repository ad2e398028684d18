using System.Text.Json;
using BehaviorGraph.Cli.Tests.Support;

namespace BehaviorGraph.Cli.Tests;

public sealed class IngestCommandTests
{
    [Fact]
    public async Task GenerateThenIngest_LoadsEveryGeneratedEvent_AndStatsReportsThemAsJson()
    {
        using var dir = new TempDirectory();
        var generate = await Bgraph.RunAsync(dir.Path, "generate", "--out", "syn", "--accounts", "400", "--seed", "7", "--json");
        Assert.True(generate.ExitCode == 0, generate.Stderr);
        var generated = JsonDocument.Parse(generate.Stdout).RootElement.GetProperty("events").GetInt64();
        Assert.True(File.Exists(dir.File("syn/labels.csv")));
        Assert.True(File.Exists(dir.File("syn/truth.json")));

        var ingest = await Bgraph.RunAsync(dir.Path, "ingest", "syn/events.csv", "--store", "sqlite:./store.db", "--strict", "--json");
        var stats = await Bgraph.RunAsync(dir.Path, "stats", "--store", "sqlite:./store.db", "--json");

        Assert.True(ingest.ExitCode == 0, ingest.Stderr);
        Assert.Equal(0, stats.ExitCode);
        var root = JsonDocument.Parse(stats.Stdout).RootElement;
        Assert.Equal(generated, root.GetProperty("events").GetInt64());
        Assert.Equal(0, root.GetProperty("quarantined").GetInt64());
        Assert.Equal(400, root.GetProperty("accounts").GetInt64());
    }

    [Fact]
    public async Task Ingest_ExitsNonZeroWithAClearMessage_WhenTheFileIsMissing()
    {
        using var dir = new TempDirectory();

        var result = await Bgraph.RunAsync(dir.Path, "ingest", "nope.csv", "--store", "sqlite:./store.db");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No such file or directory: nope.csv", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestStrict_ExitsWithCode3_WhenRowsWereQuarantined_ButKeepsTheGoodRows()
    {
        using var dir = new TempDirectory();
        dir.Write("events.csv", "ts,type,actor,target\n2024-01-01T00:00:00Z,follow,a1,a2\nbad,follow,a1,a2\n");

        var result = await Bgraph.RunAsync(dir.Path, "ingest", "events.csv", "--store", "sqlite:./store.db", "--strict", "--json");
        var stats = await Bgraph.RunAsync(dir.Path, "stats", "--store", "sqlite:./store.db", "--json");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("quarantined", result.Stderr, StringComparison.Ordinal);
        var root = JsonDocument.Parse(stats.Stdout).RootElement;
        Assert.Equal(1, root.GetProperty("events").GetInt64());
        Assert.Equal(1, root.GetProperty("quarantined").GetInt64());
    }

    [Fact]
    public async Task Store_ComesFromTheEnvironment_WhenNoFlagIsGiven()
    {
        using var dir = new TempDirectory();
        dir.Write("events.csv", "ts,type,actor,target\n2024-01-01T00:00:00Z,follow,a1,a2\n");
        var env = new Dictionary<string, string?> { ["BEHAVIORGRAPH_STORE"] = "sqlite:./from-env.db" };

        var result = await Bgraph.RunAsync(dir.Path, env, "ingest", "events.csv", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(dir.File("from-env.db")));
        Assert.False(File.Exists(dir.File("data/behaviorgraph.db")));
    }

    [Fact]
    public async Task Store_RejectsAnUnknownBackend_WithAClearMessage()
    {
        using var dir = new TempDirectory();

        var result = await Bgraph.RunAsync(dir.Path, "stats", "--store", "mysql:foo");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("backend 'mysql' is unknown", result.Stderr, StringComparison.Ordinal);
    }
}
