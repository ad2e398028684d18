using System.Text.Json;
using BehaviorGraph.Cli.Tests.Support;

namespace BehaviorGraph.Cli.Tests.Analysis;

public sealed class AnalysisCommandTests
{
    [Fact]
    public async Task GenerateIngestAnalyze_RecoversEveryPlantedRingAndBotCluster_WithF1AtLeast08()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, (await Bgraph.RunAsync(dir.Path, "generate", "--out", "syn", "--accounts", "2000", "--seed", "11", "--json")).ExitCode);
        Assert.Equal(0, (await Bgraph.RunAsync(dir.Path, "ingest", "syn/events.csv", "--store", "sqlite:./store.db", "--json")).ExitCode);

        var analyze = await Bgraph.RunAsync(dir.Path, "analyze", "--store", "sqlite:./store.db", "--json");
        var evaluate = await Bgraph.RunAsync(dir.Path, "evaluate-clusters", "--truth", "syn/truth.json", "--store", "sqlite:./store.db", "--json");

        Assert.True(analyze.ExitCode == 0, analyze.Stderr);
        var run = JsonDocument.Parse(analyze.Stdout).RootElement;
        Assert.Equal(2000, run.GetProperty("accounts").GetInt32());
        Assert.True(run.GetProperty("clusters").GetProperty("ring").GetInt32() >= 1);
        Assert.True(evaluate.ExitCode == 0, evaluate.Stderr);
        var report = JsonDocument.Parse(evaluate.Stdout).RootElement;
        var clusters = report.GetProperty("clusters").EnumerateArray().ToList();
        Assert.Contains(clusters, c => c.GetProperty("kind").GetString() == "ring");
        Assert.Contains(clusters, c => c.GetProperty("kind").GetString() == "bot");
        Assert.All(clusters, c => Assert.True(c.GetProperty("f1").GetDouble() >= 0.8, $"{c.GetProperty("id")} F1 {c.GetProperty("f1")}"));
        Assert.True(report.GetProperty("meanF1").GetDouble() >= 0.8);

        var rings = await Bgraph.RunAsync(dir.Path, "clusters", "--kind", "ring", "--top", "1", "--store", "sqlite:./store.db", "--json");
        var ring = Assert.Single(JsonDocument.Parse(rings.Stdout).RootElement.EnumerateArray());
        Assert.Equal("ring-1", ring.GetProperty("id").GetString());
        Assert.Equal("ring", ring.GetProperty("kind").GetString());
        Assert.True(ring.GetProperty("members").GetArrayLength() >= 5);
        Assert.Contains("accounts, created within", ring.GetProperty("evidence").GetString(), StringComparison.Ordinal);

        var one = await Bgraph.RunAsync(dir.Path, "cluster", "ring-1", "--store", "sqlite:./store.db", "--json");
        var detail = JsonDocument.Parse(one.Stdout).RootElement;
        Assert.Equal(ring.GetProperty("members").GetArrayLength(), detail.GetProperty("members").GetArrayLength());
        Assert.True(detail.GetProperty("figures").GetProperty("mutualDensity").GetDouble() > 0);
    }

    [Fact]
    public async Task Cluster_ExitsWithAClearMessage_WhenTheIdIsUnknown()
    {
        using var dir = new TempDirectory();
        dir.Write("events.csv", "ts,type,actor,target\n2024-01-01T00:00:00Z,follow,a1,a2\n");
        await Bgraph.RunAsync(dir.Path, "ingest", "events.csv", "--store", "sqlite:./store.db");
        Assert.Equal(0, (await Bgraph.RunAsync(dir.Path, "analyze", "--store", "sqlite:./store.db")).ExitCode);

        var result = await Bgraph.RunAsync(dir.Path, "cluster", "ring-99", "--store", "sqlite:./store.db");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No cluster 'ring-99'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_ExitsWithAClearMessage_OnAnEmptyStore()
    {
        using var dir = new TempDirectory();

        var result = await Bgraph.RunAsync(dir.Path, "analyze", "--store", "sqlite:./store.db");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("holds no accounts", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateClusters_RejectsAMissingTruthFile_AndAnUnknownKind()
    {
        using var dir = new TempDirectory();

        var truth = await Bgraph.RunAsync(dir.Path, "evaluate-clusters", "--truth", "nope.json", "--store", "sqlite:./store.db");
        var kind = await Bgraph.RunAsync(dir.Path, "clusters", "--kind", "spam", "--store", "sqlite:./store.db");

        Assert.Equal(1, truth.ExitCode);
        Assert.Contains("nope.json does not exist", truth.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, kind.ExitCode);
        Assert.Contains("--kind must be ring, bot, block or identity", kind.Stderr, StringComparison.Ordinal);
    }
}
