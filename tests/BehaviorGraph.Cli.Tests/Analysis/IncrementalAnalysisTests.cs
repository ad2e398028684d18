using System.Globalization;
using System.Text.Json;
using BehaviorGraph.Cli.Tests.Support;
using Microsoft.Data.Sqlite;

namespace BehaviorGraph.Cli.Tests.Analysis;

/// <summary>
/// Incremental analysis on a real store: a generated platform's events ingested in two parts split by time, the
/// second analysis continuing the first, compared with a full analysis of a copy of the same store.
/// </summary>
public sealed class IncrementalAnalysisTests
{
    /// <summary>Columns computed from communities and blocks, which an incremental run re-optimises only locally.</summary>
    private static readonly HashSet<string> LocallyReoptimised =
        ["community_size", "community_density", "ring_score", "ring_size", "dense_block_density", "block_score", "block_size"];

    [Theory]
    [InlineData(2500, 4, 0.99)]
    [InlineData(3000, 19, 0.95)]
    [InlineData(2000, 8, 0.8)]
    public async Task AContinuedRun_ReadsOnlyTheNewEvents_AndMatchesAFullRunOfTheSameStore(int accounts, int seed, double splitAt)
    {
        using var dir = new TempDirectory();
        await EventFiles.GenerateSplitByTimeAsync(dir.Path, accounts, seed, splitAt);
        var lateEvents = File.ReadAllLines(Path.Combine(dir.Path, "late.csv")).Length - 1;

        await IngestAsync(dir.Path, "early.csv", "store.db");
        var first = await AnalyzeAsync(dir.Path, "store.db");
        Assert.Equal("full", first.GetProperty("mode").GetString());
        Assert.Contains("no analysis state kept yet", first.GetProperty("recomputed").GetString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir.Path, "store.db.analysis-state")));

        await IngestAsync(dir.Path, "late.csv", "store.db");
        File.Copy(Path.Combine(dir.Path, "store.db"), Path.Combine(dir.Path, "full.db"));
        var incremental = await AnalyzeAsync(dir.Path, "store.db");
        var full = await AnalyzeAsync(dir.Path, "full.db", "--full");

        Assert.Equal("incremental", incremental.GetProperty("mode").GetString());
        Assert.Equal(first.GetProperty("runId").GetInt64(), incremental.GetProperty("previousRunId").GetInt64());
        Assert.Equal(lateEvents, incremental.GetProperty("newEvents").GetInt64());
        Assert.Equal("full", full.GetProperty("mode").GetString());
        Assert.Equal("a full run was asked for", full.GetProperty("recomputed").GetString());
        Assert.Equal(full.GetProperty("events").GetInt64(), incremental.GetProperty("events").GetInt64());
        Assert.Equal(full.GetProperty("edges").GetInt64(), incremental.GetProperty("edges").GetInt64());

        var (names, incrementalRows) = LatestFeatures(Path.Combine(dir.Path, "store.db"));
        var (_, fullRows) = LatestFeatures(Path.Combine(dir.Path, "full.db"));
        Assert.Equal(fullRows.Keys.Order(StringComparer.Ordinal), incrementalRows.Keys.Order(StringComparer.Ordinal));
        var exact = Enumerable.Range(0, names.Count).Where(i => !LocallyReoptimised.Contains(names[i])).ToList();
        Assert.True(exact.Count > 40, $"only {exact.Count} exact columns");
        foreach (var (account, values) in fullRows)
        {
            foreach (var i in exact)
            {
                Assert.True(
                    BitConverter.SingleToInt32Bits(values[i]) == BitConverter.SingleToInt32Bits(incrementalRows[account][i]),
                    $"{names[i]} of {account}: full {values[i]}, incremental {incrementalRows[account][i]}");
            }
        }

        var fullClusters = await ClustersAsync(dir.Path, "full.db");
        var incrementalClusters = await ClustersAsync(dir.Path, "store.db");
        foreach (var kind in new[] { "identity", "bot" })
        {
            Assert.Equal(Sets(fullClusters, kind), Sets(incrementalClusters, kind));
        }

        foreach (var kind in new[] { "ring", "block" })
        {
            var f1 = MeanBestMatchF1(fullClusters.Where(c => c.Kind == kind).ToList(), incrementalClusters.Where(c => c.Kind == kind).ToList());
            Assert.True(f1 >= 0.95, $"{kind} clusters: mean best-match F1 {f1:0.000} between incremental and full");
        }

        using var connection = new SqliteConnection($"Data Source={Path.Combine(dir.Path, "store.db")};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT mode, previous_run, new_events FROM analysis_runs WHERE completed_at IS NOT NULL ORDER BY id";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal("full", reader.GetString(0));
        Assert.True(reader.Read());
        Assert.Equal(("incremental", first.GetProperty("runId").GetInt64(), (long)lateEvents), (reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
    }

    [Fact]
    public async Task AMissingOrDamagedState_MakesTheNextRunFull_AndSaysWhy()
    {
        using var dir = new TempDirectory();
        await EventFiles.GenerateSplitByTimeAsync(dir.Path, 800, 3, 0.9);
        await IngestAsync(dir.Path, "early.csv", "store.db");
        await AnalyzeAsync(dir.Path, "store.db");
        var state = Path.Combine(dir.Path, "store.db.analysis-state");

        var bytes = File.ReadAllBytes(state);
        File.WriteAllBytes(state, bytes[..(bytes.Length / 2)]);
        await IngestAsync(dir.Path, "late.csv", "store.db");
        var damaged = await AnalyzeAsync(dir.Path, "store.db");
        Assert.Equal("full", damaged.GetProperty("mode").GetString());
        Assert.Contains("analysis state", damaged.GetProperty("recomputed").GetString(), StringComparison.Ordinal);

        var continued = await AnalyzeAsync(dir.Path, "store.db");
        Assert.Equal("incremental", continued.GetProperty("mode").GetString());
        Assert.Equal(0, continued.GetProperty("newEvents").GetInt64());

        File.Delete(state);
        var missing = await AnalyzeAsync(dir.Path, "store.db");
        Assert.Equal("full", missing.GetProperty("mode").GetString());
        Assert.Contains("no analysis state kept yet", missing.GetProperty("recomputed").GetString(), StringComparison.Ordinal);
    }

    private static async Task IngestAsync(string dir, string file, string store)
    {
        var ingest = await Bgraph.RunAsync(dir, "ingest", file, "--store", $"sqlite:./{store}");
        Assert.True(ingest.ExitCode == 0, ingest.Stderr);
    }

    private static async Task<JsonElement> AnalyzeAsync(string dir, string store, params string[] flags)
    {
        var analyze = await Bgraph.RunAsync(dir, ["analyze", "--store", $"sqlite:./{store}", "--json", .. flags]);
        Assert.True(analyze.ExitCode == 0, analyze.Stderr);
        return JsonDocument.Parse(analyze.Stdout).RootElement.Clone();
    }

    private static async Task<List<(string Kind, HashSet<string> Members)>> ClustersAsync(string dir, string store)
    {
        var list = await Bgraph.RunAsync(dir, "clusters", "--top", "1000000", "--store", $"sqlite:./{store}", "--json");
        Assert.True(list.ExitCode == 0, list.Stderr);
        return [.. JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().Select(c => (
            c.GetProperty("kind").GetString()!,
            c.GetProperty("members").EnumerateArray().Select(m => m.GetString()!).ToHashSet(StringComparer.Ordinal)))];
    }

    private static List<string> Sets(List<(string Kind, HashSet<string> Members)> clusters, string kind) =>
        [.. clusters.Where(c => c.Kind == kind).Select(c => string.Join(',', c.Members.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)];

    private static double MeanBestMatchF1(List<(string Kind, HashSet<string> Members)> full, List<(string Kind, HashSet<string> Members)> incremental) =>
        full.Count == 0
            ? (incremental.Count == 0 ? 1 : 0)
            : full.Average(f => incremental.Select(i => 2.0 * f.Members.Intersect(i.Members).Count() / (f.Members.Count + i.Members.Count)).DefaultIfEmpty(0).Max());

    private static (IReadOnlyList<string> Names, Dictionary<string, float[]> Rows) LatestFeatures(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        using var names = connection.CreateCommand();
        names.CommandText = "SELECT feature_names FROM analysis_runs WHERE completed_at IS NOT NULL ORDER BY id DESC LIMIT 1";
        var featureNames = JsonSerializer.Deserialize<List<string>>((string)names.ExecuteScalar()!)!;
        using var rows = connection.CreateCommand();
        rows.CommandText = "SELECT account, vals FROM account_features WHERE run_id = (SELECT max(id) FROM analysis_runs WHERE completed_at IS NOT NULL)";
        using var reader = rows.ExecuteReader();
        var result = new Dictionary<string, float[]>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var blob = (byte[])reader.GetValue(1);
            var values = new float[blob.Length / sizeof(float)];
            Buffer.BlockCopy(blob, 0, values, 0, blob.Length);
            result[reader.GetString(0)] = values;
        }

        return (featureNames, result);
    }
}
