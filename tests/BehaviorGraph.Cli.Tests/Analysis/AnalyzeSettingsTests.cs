using System.Text.Json;
using BehaviorGraph.Cli.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BehaviorGraph.Cli.Tests.Analysis;

/// <summary>
/// <c>bgraph analyze</c> runs with the <c>BehaviorGraph:Analysis</c> settings of appsettings.json and the environment
/// (environment first), seen in the clusters it reports and the description it stores with the run.
/// </summary>
public sealed class AnalyzeSettingsTests
{
    private const string Store = "sqlite:./store.db";
    private const int Accounts = 2000;

    [Fact]
    public async Task AnalysisSettings_FromAppsettingsAndEnvironment_ReachTheRun()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, (await Bgraph.RunAsync(dir.Path, "generate", "--out", "syn", "--accounts", $"{Accounts}", "--seed", "11", "--json")).ExitCode);
        Assert.Equal(0, (await Bgraph.RunAsync(dir.Path, "ingest", "syn/events.csv", "--store", Store, "--json")).ExitCode);
        var defaults = await AnalyzeAsync(dir, null);
        Assert.Equal("bgraph analyze", LatestDescription(dir));

        // A ring larger than the platform: none can be reported, whatever the platform holds.
        dir.Write("appsettings.json", $$"""
            { "BehaviorGraph": { "Analysis": { "Description": "from appsettings", "Rings": { "MinMembers": {{Accounts + 1}} } } } }
            """);
        var fromAppsettings = await AnalyzeAsync(dir, null);
        Assert.Equal("from appsettings", LatestDescription(dir));

        var fromEnvironment = await AnalyzeAsync(dir, new Dictionary<string, string?>
        {
            ["BehaviorGraph__Analysis__Rings__MinMembers"] = "5",
            ["BehaviorGraph__Analysis__Description"] = "from the environment",
        });
        Assert.Equal("from the environment", LatestDescription(dir));

        Assert.True(defaults >= 1, "the default run reports rings on this platform");
        Assert.Equal(0, fromAppsettings);
        Assert.Equal(defaults, fromEnvironment);
    }

    [Fact]
    public async Task AListSetting_ReplacesTheDefaultList()
    {
        using var dir = new TempDirectory();
        dir.Write("events.csv", "ts,type,actor,target\n2024-01-01T00:00:00Z,like,a1,c1\n2024-01-01T00:00:10Z,like,a2,c1\n");
        Assert.Equal(0, (await Bgraph.RunAsync(dir.Path, "ingest", "events.csv", "--store", Store)).ExitCode);

        // Appended to the four default windows, one minute would break their ascending order and the run would fail.
        var result = await Bgraph.RunAsync(dir.Path, new Dictionary<string, string?> { ["BehaviorGraph__Analysis__Bots__WindowsMs__0"] = "60000" }, "analyze", "--store", Store, "--json");

        Assert.True(result.ExitCode == 0, result.Stderr);
    }

    [Theory]
    [InlineData("BehaviorGraph__Analysis__Bots__WindowsMs__0", "soon", "BehaviorGraph:Analysis:Bots:WindowsMs:0 must be a whole number; got 'soon'.")]
    [InlineData("BehaviorGraph__Analysis__Rings__MinScore", "-0.5", "BehaviorGraph:Analysis:Rings:MinScore must be a non-negative finite number; got -0.5.")]
    [InlineData("BehaviorGraph__Analysis__Ring__MinMembers", "3", "BehaviorGraph:Analysis:Ring is not a setting; BehaviorGraph:Analysis takes Identity, Rings, Bots, Blocks, Features")]
    public async Task InvalidAnalysisSetting_FailsAnalyze_WithAMessageNamingIt(string variable, string value, string message)
    {
        using var dir = new TempDirectory();
        dir.Write("events.csv", "ts,type,actor,target\n2024-01-01T00:00:00Z,follow,a1,a2\n");
        Assert.Equal(0, (await Bgraph.RunAsync(dir.Path, "ingest", "events.csv", "--store", Store)).ExitCode);

        var result = await Bgraph.RunAsync(dir.Path, new Dictionary<string, string?> { [variable] = value }, "analyze", "--store", Store);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("bgraph: error: Invalid settings: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    private static async Task<int> AnalyzeAsync(TempDirectory dir, IReadOnlyDictionary<string, string?>? environment)
    {
        var result = await Bgraph.RunAsync(dir.Path, environment, "analyze", "--store", Store, "--json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        return JsonDocument.Parse(result.Stdout).RootElement.GetProperty("clusters").GetProperty("ring").GetInt32();
    }

    private static string LatestDescription(TempDirectory dir)
    {
        using var connection = new SqliteConnection($"Data Source={dir.File("store.db")};Mode=ReadOnly;Pooling=False");
        return connection.QuerySingle<string>("SELECT description FROM analysis_runs ORDER BY id DESC LIMIT 1");
    }
}
