using System.Text.Json;
using BehaviorGraph.Cli.Tests.Support;

namespace BehaviorGraph.Cli.Tests.EndToEnd;

/// <summary>
/// The published protocol on the real Bitcoin OTC ratings (REV2 labels): stratified 10-fold cross-validation of the
/// labelled users, reported as AUC. Features come from the whole rating graph, which also produced the labels; the
/// README quotes the figure with that caveat.
/// </summary>
public sealed class BitcoinOtcEvaluationTests
{
    [SkippableFact]
    public async Task IngestAnalyzeEvaluate_OnBitcoinOtc_ReachesAucOf099()
    {
        var events = SharedData.Find(Path.Combine("bitcoin-otc", "events.csv"));
        var labels = SharedData.Find(Path.Combine("bitcoin-otc", "labels.csv"));
        Skip.If(events is null || labels is null, $"The shared data set is not beside the repository ({SharedData.Describe()}).");
        using var dir = new TempDirectory();
        const string store = "sqlite:./otc.db";

        var ingest = await Bgraph.RunAsync(dir.Path, "ingest", events!, "--store", store, "--strict", "--json");
        var analyze = await Bgraph.RunAsync(dir.Path, "analyze", "--store", store, "--json");
        var evaluate = await Bgraph.RunAsync(dir.Path, "evaluate", "--labels", labels!, "--folds", "10", "--store", store, "--json");

        Assert.True(ingest.ExitCode == 0, ingest.Stderr);
        Assert.True(analyze.ExitCode == 0, analyze.Stderr);
        Assert.True(evaluate.ExitCode == 0, evaluate.Stderr);
        var result = JsonDocument.Parse(evaluate.Stdout).RootElement;
        var auc = result.GetProperty("auc").GetDouble();
        Assert.True(auc >= 0.99, $"10-fold AUC on Bitcoin OTC was {auc:F4}; the target is 0.99.");
        Assert.Equal(10, result.GetProperty("folds").GetArrayLength());
    }
}
