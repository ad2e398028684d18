using System.Text.Json;
using BehaviorGraph.Cli.Tests.Support;

namespace BehaviorGraph.Cli.Tests;

/// <summary><c>bgraph ingest DIR</c> with a file in it that cannot be read: the others go in, and the command fails naming it.</summary>
public sealed class IngestPoisonTests
{
    [Fact]
    public async Task IngestDirectory_GoesOnPastAFileThatCannotBeRead_AndExitsNonZeroNamingIt()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File("in"));
        dir.Write("in/a.csv", "ts,type,actor\n2024-01-01T00:00:00Z,login,u1\n");
        dir.Write("in/b.csv", "when,what,who\n2024-01-01T00:00:00Z,login,u2\n");
        dir.Write("in/c.jsonl",
            "{\"ts\":\"2024-01-01T00:00:00Z\",\"type\":\"login\",\"actor\":\"u\\ud800\"}\n{\"ts\":\"2024-01-01T00:00:00Z\",\"type\":\"login\",\"actor\":\"u3\"}\n");

        var result = await Bgraph.RunAsync(dir.Path, "ingest", "in", "--store", "sqlite:./store.db", "--json");
        var stats = await Bgraph.RunAsync(dir.Path, "stats", "--store", "sqlite:./store.db", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("1 of 3 file(s) could not be ingested (the other 2 were)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("b.csv: The CSV header lacks required column(s) ts, type, actor", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
        var output = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.EndsWith("b.csv", output.GetProperty("failed")[0].GetProperty("file").GetString(), StringComparison.Ordinal);
        var root = JsonDocument.Parse(stats.Stdout).RootElement;
        Assert.Equal(2, root.GetProperty("events").GetInt64());
        Assert.Equal(1, root.GetProperty("quarantined").GetInt64());
    }
}
