using System.Text.Json;
using BehaviorGraph.Cli.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BehaviorGraph.Cli.Tests;

public sealed class GenerateAndRecoveryCommandTests
{
    [Fact]
    public async Task Generate_AppliesAdversaryFlags_AndRecordsThemInTheTruth()
    {
        using var dir = new TempDirectory();

        var result = await Bgraph.RunAsync(dir.Path, "generate", "--out", "syn", "--accounts", "1500", "--seed", "3", "--careful-fraction", "1", "--careful-cover", "1",
            "--ring-signup-days", "20", "--bot-spread-minutes", "45", "--bot-timing", "uniform", "--farms-per-10k", "5", "--farm-size", "100", "--farm-ips", "4",
            "--blocks-per-10k", "5", "--block-accounts", "60", "--block-targets", "30", "--density", "0.2", "--attack", "degree", "--friend-groups-per-10k", "10",
            "--viral-bursts", "3", "--json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var summary = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal((1, 1, 1), (summary.GetProperty("farms").GetInt32(), summary.GetProperty("blocks").GetInt32(), summary.GetProperty("rings").GetInt32()));
        var truth = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir.Path, "syn", "truth.json"))).RootElement;
        var options = truth.GetProperty("options");
        Assert.Equal(("20", "45", "uniform", "degree", 0.2), (options.GetProperty("ringSignupDays").GetString(), options.GetProperty("botJobSpreadMinutes").GetString(),
            options.GetProperty("botJobTiming").GetString(), options.GetProperty("blockCamouflage").GetString(), options.GetProperty("blockDensity").GetDouble()));
        var clusters = truth.GetProperty("clusters").EnumerateArray().ToList();
        Assert.Equal(20, clusters.Single(c => c.GetProperty("kind").GetString() == "ring").GetProperty("signupDays").GetInt32());
        Assert.Equal(4, clusters.Single(c => c.GetProperty("kind").GetString() == "farm").GetProperty("ips").GetArrayLength());
        Assert.Equal(60, clusters.Single(c => c.GetProperty("kind").GetString() == "block").GetProperty("members").GetArrayLength());
        Assert.Equal(3, truth.GetProperty("hardNegatives").EnumerateArray().Count(h => h.GetProperty("kind").GetString() == "viral"));
    }

    [Theory]
    [InlineData("--ring-signup-days: RingSignupDays must lie between 1 and 45 days", "--ring-signup-days", "50")]
    [InlineData("--ring-outreach: '9-3' is not a range: the lower bound 9 is above the upper bound 3.", "--ring-outreach", "9-3")]
    [InlineData("--bot-timing must be bursty or uniform (got 'fast').", "--bot-timing", "fast")]
    [InlineData("--attack must be none, random, degree or hijacked (got 'stealth').", "--attack", "stealth")]
    [InlineData("--density: BlockDensity must be between 0.001 and 1 (got 2).", "--density", "2")]
    [InlineData("--items does not apply to --protocol platform.", "--items", "500")]
    [InlineData("--benign-only plants no abuse; it cannot be combined with --rings-per-10k.", "--benign-only", "--rings-per-10k", "3")]
    [InlineData("No scenario 'nope'; the grid has: default, benign-only,", "--scenario", "nope")]
    [InlineData("--scenario fixes every generator setting; it takes only --accounts, --seed, --out and --json (also given: --viral-bursts).", "--scenario", "farms", "--viral-bursts", "2")]
    [InlineData("--block-accounts takes one number with --protocol fraudar (got 10-20).", "--protocol", "fraudar", "--block-accounts", "10-20")]
    [InlineData("--farm-size does not apply to --protocol fraudar.", "--protocol", "fraudar", "--farm-size", "50")]
    [InlineData("--density: Density (0.001) × BlockItems (200) must be at least 1", "--protocol", "fraudar", "--density", "0.001")]
    [InlineData("--protocol must be platform or fraudar (got 'other').", "--protocol", "other")]
    public async Task Generate_RejectsABadFlag_WithAMessageNamingIt_AndWritesNothing(string message, params string[] flags)
    {
        using var dir = new TempDirectory();

        var result = await Bgraph.RunAsync(dir.Path, new[] { "generate", "--out", "syn" }.Concat(flags).ToArray());

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "syn")));
    }

    [Fact]
    public async Task Generate_FraudarProtocol_WritesLikesOnlyAndOneBlock()
    {
        using var dir = new TempDirectory();

        var result = await Bgraph.RunAsync(dir.Path, "generate", "--protocol", "fraudar", "--density", "0.04", "--attack", "random", "--seed", "9", "--out", "fr", "--json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = await File.ReadAllLinesAsync(Path.Combine(dir.Path, "fr", "events.csv"));
        Assert.All(lines.Skip(1), l => Assert.Equal("like", l.Split(',')[2]));
        Assert.False(File.Exists(Path.Combine(dir.Path, "fr", "labels.csv")));
        var block = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir.Path, "fr", "truth.json"))).RootElement.GetProperty("clusters").EnumerateArray().Single();
        Assert.Equal(("block", 200, "random"), (block.GetProperty("kind").GetString(), block.GetProperty("members").GetArrayLength(), block.GetProperty("camouflage").GetString()));
    }

    [Fact]
    public async Task EvaluateClusters_OnABenignOnlyPlatform_CountsEveryReportedRingBotOrBlockClusterAsFalse()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, (await Bgraph.RunAsync(dir.Path, "generate", "--out", "syn", "--accounts", "1500", "--benign-only", "--friend-groups-per-10k", "20", "--viral-bursts", "3", "--json")).ExitCode);
        Assert.Equal(0, (await Bgraph.RunAsync(dir.Path, "ingest", "syn/events.csv", "--store", "sqlite:./store.db", "--json")).ExitCode);
        Assert.Equal(0, (await Bgraph.RunAsync(dir.Path, "analyze", "--store", "sqlite:./store.db", "--json")).ExitCode);

        var evaluate = await Bgraph.RunAsync(dir.Path, "evaluate-clusters", "--truth", "syn/truth.json", "--store", "sqlite:./store.db", "--json");
        var table = await Bgraph.RunAsync(dir.Path, "evaluate-clusters", "--truth", "syn/truth.json", "--store", "sqlite:./store.db");
        var clusters = await Bgraph.RunAsync(dir.Path, "clusters", "--top", "100000", "--store", "sqlite:./store.db", "--json");

        Assert.True(evaluate.ExitCode == 0, evaluate.Stderr);
        var report = JsonDocument.Parse(evaluate.Stdout).RootElement;
        int reported = JsonDocument.Parse(clusters.Stdout).RootElement.EnumerateArray().Count(c => c.GetProperty("kind").GetString() is "ring" or "bot" or "block");
        Assert.Equal(0, report.GetProperty("plantedClusters").GetInt32());
        Assert.Equal(reported, report.GetProperty("falseClusters").GetProperty("total").GetInt32());
        Assert.Equal(0.5, report.GetProperty("precision").GetProperty("threshold").GetDouble());
        Assert.Equal(reported, report.GetProperty("reported").GetArrayLength());
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("No abuse was planted", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("more than 50", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchRecovery_RunsTheChosenPoints_ReportsEachAndDrawsFVersusDensity()
    {
        using var dir = new TempDirectory();

        var result = await Bgraph.RunAsync(dir.Path, "bench", "recovery", "--grid", "fraudar", "--points", "fraudar-none-0.10,fraudar-random-0.1*", "--seeds", "1,2",
            "--plot", "f1.png", "--json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        var points = root.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(["fraudar-none-0.10", "fraudar-random-0.10"], points.Select(p => p.GetProperty("name").GetString()));
        Assert.All(points, p => Assert.Equal(2, p.GetProperty("seedRuns").GetArrayLength()));
        Assert.All(points, p => Assert.Equal(0.1, p.GetProperty("density").GetDouble()));
        Assert.All(points, p => Assert.InRange(p.GetProperty("meanF1ByKind").GetProperty("block").GetDouble(), 0, 1));
        Assert.Contains("[4/4] fraudar-random-0.10 seed 2", result.Stderr, StringComparison.Ordinal);
        var png = await File.ReadAllBytesAsync(Path.Combine(dir.Path, "f1.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(Path.Combine(dir.Path, "f1.png"), root.GetProperty("plot").GetString());
    }

    [Fact]
    public async Task BenchRecovery_OnALabelledPoint_TrainsScoresAndAnalyzesAgain_UnlessToldNot()
    {
        using var dir = new TempDirectory();

        var cycled = await Bgraph.RunAsync(dir.Path, "bench", "recovery", "--grid", "platform", "--points", "ring-outreach-0", "--accounts", "4000", "--seeds", "5",
            "--keep", "--work", "runs", "--json");
        var cold = await Bgraph.RunAsync(dir.Path, "bench", "recovery", "--grid", "platform", "--points", "ring-outreach-0", "--accounts", "4000", "--seeds", "5",
            "--no-scoring-cycle", "--json");

        Assert.True(cycled.ExitCode == 0, cycled.Stderr);
        Assert.True(cold.ExitCode == 0, cold.Stderr);
        var run = JsonDocument.Parse(cycled.Stdout).RootElement.GetProperty("points")[0].GetProperty("seedRuns")[0];
        Assert.Matches(@"^model m-\S+ \(AUC [01]\.\d{3} on [\d,]+ labelled accounts\) scored 4,000 accounts in run \d+, [\d,]+ flagged$", run.GetProperty("scoringCycle").GetString());
        Assert.True(run.GetProperty("seconds").GetProperty("scoringCycle").GetDouble() > 0);
        var store = Path.Combine(dir.Path, "runs", "ring-outreach-0-5", "store.db");
        await using (var connection = new SqliteConnection($"Data Source={store};Pooling=False"))
        {
            Assert.Equal(2L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM analysis_runs WHERE completed_at IS NOT NULL"));
            Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM score_runs WHERE completed_at IS NOT NULL"));
        }

        var coldRun = JsonDocument.Parse(cold.Stdout).RootElement.GetProperty("points")[0].GetProperty("seedRuns")[0];
        Assert.Equal(JsonValueKind.Null, coldRun.GetProperty("scoringCycle").ValueKind);
        Assert.Equal(coldRun.GetProperty("firstAnalysis").GetProperty("meanF1").GetDouble(), coldRun.GetProperty("evaluation").GetProperty("meanF1").GetDouble());
        Assert.Equal(coldRun.GetProperty("firstAnalysis").GetProperty("meanF1").GetDouble(), run.GetProperty("firstAnalysis").GetProperty("meanF1").GetDouble());
    }

    [Fact]
    public async Task BenchRecovery_ListsItsPoints_AndRejectsUnknownPointsAndSeeds()
    {
        using var dir = new TempDirectory();

        var list = await Bgraph.RunAsync(dir.Path, "bench", "recovery", "--list", "--json");
        var unknown = await Bgraph.RunAsync(dir.Path, "bench", "recovery", "--points", "nope");
        var seeds = await Bgraph.RunAsync(dir.Path, "bench", "recovery", "--seeds", "4,x");
        var grid = await Bgraph.RunAsync(dir.Path, "bench", "recovery", "--grid", "huge");

        Assert.Equal(0, list.ExitCode);
        var names = JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("benign-only", names);
        Assert.Contains("fraudar-hijacked-0.04", names);
        Assert.Equal((1, 1), (unknown.ExitCode, seeds.ExitCode));
        Assert.Contains("--points: no point named 'nope' in the default grid", unknown.Stderr, StringComparison.Ordinal);
        Assert.Contains("--seeds: 'x' is not a whole number", seeds.Stderr, StringComparison.Ordinal);
        Assert.NotEqual(0, grid.ExitCode);
        Assert.Contains("--grid must be default, quick, platform or fraudar", grid.Stderr, StringComparison.Ordinal);
    }
}
