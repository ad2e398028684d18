using BehaviorGraph.Cli.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BehaviorGraph.Cli.Tests.Scoring;

/// <summary>`train --labels FILE` imports a file once: training again on the same file adds no label.</summary>
public sealed class TrainLabelImportTests
{
    [Fact]
    public async Task TrainingTwiceOnTheSameLabelsFile_ImportsItsLabelsOnce()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, (await Bgraph.RunAsync(dir.Path, "generate", "--out", "syn", "--accounts", "1000", "--seed", "5", "--json")).ExitCode);
        Assert.Equal(0, (await Bgraph.RunAsync(dir.Path, "ingest", "syn/events.csv", "--store", "sqlite:./s.db", "--json")).ExitCode);
        Assert.Equal(0, (await Bgraph.RunAsync(dir.Path, "analyze", "--store", "sqlite:./s.db", "--json")).ExitCode);
        string[] train = ["train", "--labels", "syn/labels.csv", "--folds", "2", "--min-labels", "2", "--min-auc", "0", "--store", "sqlite:./s.db"];
        var lines = File.ReadLines(dir.File("syn/labels.csv")).Skip(1).Count(l => l.Length > 0);

        var first = await Bgraph.RunAsync(dir.Path, train);
        var afterFirst = await CountLabelsAsync(dir.File("s.db"));
        var second = await Bgraph.RunAsync(dir.Path, train);
        var afterSecond = await CountLabelsAsync(dir.File("s.db"));

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Equal(lines, afterFirst);
        Assert.Equal(afterFirst, afterSecond);
        Assert.Contains("already imported", second.Stderr + second.Stdout, StringComparison.Ordinal);

        // A copy of the same file under another name is the same content: still imported once.
        File.Copy(dir.File("syn/labels.csv"), dir.File("copy.csv"));
        string[] again = [.. train];
        again[2] = "copy.csv";
        var third = await Bgraph.RunAsync(dir.Path, again);
        Assert.True(third.ExitCode == 0, third.Stderr);
        Assert.Equal(afterFirst, await CountLabelsAsync(dir.File("s.db")));
    }

    private static async Task<long> CountLabelsAsync(string db)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM labels");
    }
}
