using System.Globalization;
using System.Text.Json;
using BehaviorGraph.Cli.Tests.Support;

namespace BehaviorGraph.Cli.Tests.Analysis;

/// <summary>
/// Engagement blocks end to end (generate, ingest, analyze, evaluate, as <c>bench recovery</c> runs them): FRAUDAR's
/// own injection protocol under each of its four attacks and at a low and a high density, over two seeds, and a
/// benign-only platform where every reported block would be false.
/// </summary>
public sealed class EngagementBlockRecoveryTests
{
    [Theory]
    [InlineData("none")]
    [InlineData("random")]
    [InlineData("degree")]
    [InlineData("hijacked")]
    public async Task FraudarProtocolBlock_IsRecovered_UnderEachAttack_AtModerateAndHighDensity(string attack)
    {
        using var dir = new TempDirectory();

        var result = await Bgraph.RunAsync(dir.Path, "bench", "recovery", "--grid", "fraudar", "--points", $"fraudar-{attack}-0.05,fraudar-{attack}-0.10",
            "--seeds", "3,8", "--json", "--work", "runs");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var points = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(2, points.Count);
        foreach (var point in points)
        {
            var name = point.GetProperty("name").GetString();
            var f1 = point.GetProperty("meanF1ByKind").GetProperty("block").GetDouble();
            Assert.True(f1 >= 0.8, string.Create(CultureInfo.InvariantCulture, $"{name}: planted block F1 {f1:0.000}"));
            Assert.Equal(1.0, point.GetProperty("precision").GetProperty("block").GetDouble(), 3);
            Assert.Equal(0, point.GetProperty("mostFalsePerRun").GetProperty("block").GetInt32());
        }
    }

    [Fact]
    public async Task BenignOnlyPlatform_ReportsNoBlock()
    {
        using var dir = new TempDirectory();

        var result = await Bgraph.RunAsync(dir.Path, "bench", "recovery", "--points", "benign-only", "--accounts", "3000", "--seeds", "5", "--json", "--work", "runs");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var point = Assert.Single(JsonDocument.Parse(result.Stdout).RootElement.GetProperty("points").EnumerateArray());
        Assert.Equal(0, point.GetProperty("mostFalsePerRun").GetProperty("block").GetInt32());
    }
}
