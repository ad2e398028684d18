using System.Globalization;
using System.Text.Json;
using BehaviorGraph.Cli.Tests.Support;

namespace BehaviorGraph.Cli.Tests.Analysis;

/// <summary>
/// Cluster ids across runs on a real store: a platform's events ingested in two parts split by time, analyzed after
/// each, then analyzed once more with nothing new. A group that continues (each cluster holds more than half of the
/// other's members) keeps its id and says how it changed; a new group never takes an id the previous run used.
/// </summary>
public sealed class ClusterContinuityTests
{
    [Theory]
    [InlineData(3000, 4, 0.8)]
    [InlineData(4000, 19, 0.9)]
    public async Task GroupsKeepTheirIdsAcrossRuns_NewGroupsTakeFreshIds_AndAnUnchangedStoreKeepsEveryId(int accounts, int seed, double splitAt)
    {
        using var dir = new TempDirectory();
        await EventFiles.GenerateSplitByTimeAsync(dir.Path, accounts, seed, splitAt);

        var first = await IngestAndAnalyzeAsync(dir.Path, "early.csv");
        var second = await IngestAndAnalyzeAsync(dir.Path, "late.csv");
        var third = await IngestAndAnalyzeAsync(dir.Path, null);

        var firstIds = first.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var continued = 0;
        foreach (var cluster in second)
        {
            var partner = first.Where(p => p.Kind == cluster.Kind)
                .Select(p => (Cluster: p, Shared: p.Members.Intersect(cluster.Members, StringComparer.Ordinal).Count()))
                .Where(x => x.Shared * 2 > x.Cluster.Members.Count && x.Shared * 2 > cluster.Members.Count)
                .OrderByDescending(x => x.Shared)
                .FirstOrDefault();
            if (partner.Cluster is null)
            {
                Assert.DoesNotContain(cluster.Id, firstIds);
                Assert.EndsWith("new since the previous run", cluster.Evidence, StringComparison.Ordinal);
                continue;
            }

            continued++;
            Assert.Equal(partner.Cluster.Id, cluster.Id);
            var joined = cluster.Members.Except(partner.Cluster.Members, StringComparer.Ordinal).Count();
            var left = partner.Cluster.Members.Except(cluster.Members, StringComparer.Ordinal).Count();
            if (joined + left > 0)
            {
                Assert.Contains(string.Create(CultureInfo.InvariantCulture,
                    $"since the previous run {joined} joined and {left} left ({partner.Cluster.Members.Count} then, {cluster.Members.Count} now)"), cluster.Evidence, StringComparison.Ordinal);
            }
        }

        Assert.True(continued > 0, "no cluster of the second run continues one of the first");
        Assert.Equal(second.Count, second.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(
            second.Select(c => (c.Id, string.Join(',', c.Members))).Order(),
            third.Select(c => (c.Id, string.Join(',', c.Members))).Order());
        Assert.DoesNotContain(third, c => c.Evidence.Contains("since the previous run", StringComparison.Ordinal));
    }

    private static async Task<List<Cluster>> IngestAndAnalyzeAsync(string dir, string? file)
    {
        if (file is not null)
        {
            var ingest = await Bgraph.RunAsync(dir, "ingest", file, "--store", "sqlite:./store.db");
            Assert.True(ingest.ExitCode == 0, ingest.Stderr);
        }

        var analyze = await Bgraph.RunAsync(dir, "analyze", "--store", "sqlite:./store.db");
        Assert.True(analyze.ExitCode == 0, analyze.Stderr);
        var list = await Bgraph.RunAsync(dir, "clusters", "--top", "1000000", "--store", "sqlite:./store.db", "--json");
        Assert.True(list.ExitCode == 0, list.Stderr);
        return [.. JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().Select(c => new Cluster(
            c.GetProperty("id").GetString()!,
            c.GetProperty("kind").GetString()!,
            [.. c.GetProperty("members").EnumerateArray().Select(m => m.GetString()!)],
            c.GetProperty("evidence").GetString()!))];
    }

    private sealed record Cluster(string Id, string Kind, IReadOnlyList<string> Members, string Evidence);
}
