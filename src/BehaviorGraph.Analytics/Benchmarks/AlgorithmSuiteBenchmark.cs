using System.Diagnostics;
using BehaviorGraph.Analytics.Algorithms.KCore;
using BehaviorGraph.Analytics.Algorithms.Louvain;
using BehaviorGraph.Analytics.Algorithms.PageRank;
using BehaviorGraph.Analytics.Algorithms.Triangles;
using BehaviorGraph.Analytics.Algorithms.Wcc;
using BehaviorGraph.Analytics.Projection;

namespace BehaviorGraph.Analytics.Benchmarks;

/// <summary>
/// Times WCC, Louvain, k-core, triangles + local clustering and PageRank on one graph, the same five that
/// tests/BehaviorGraph.Analytics.Tests/Benchmarks/igraph_bench.py times in python-igraph. Run a Release build.
/// </summary>
public static class AlgorithmSuiteBenchmark
{
    public static AlgorithmSuiteReport Run(CsrGraph graph, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(output);
        var g = graph.ToUndirected();
        var timings = new List<AlgorithmTiming>();
        output.WriteLine($"graph: {g.NodeCount:N0} nodes, {g.EntryCount / 2:N0} undirected edges, projection {g.MemoryBytes / 1048576.0:F1} MiB ({g.BytesPerEntry:F2} B/entry)");

        Time("wcc", () =>
        {
            var r = Wcc.Run(g, WccParameters.Default, null, cancellationToken);
            return $"components={r.ComponentCount} largest={r.LargestSize}";
        });
        Time("louvain", () =>
        {
            var r = Louvain.Run(g, LouvainParameters.Default, null, cancellationToken);
            return $"communities={r.CommunityCount} modularity={r.Modularity:F4} levels={r.Levels.Count}";
        });
        Time("kcore", () =>
        {
            var r = KCore.Run(g, KCoreParameters.Default, null, cancellationToken);
            return $"degeneracy={r.Degeneracy}";
        });
        Time("triangles", () =>
        {
            var r = TriangleCount.Run(g, TriangleCountParameters.Default, null, cancellationToken);
            return $"triangles={r.TriangleCount} transitivity={r.Transitivity:F4}";
        });
        Time("pagerank", () =>
        {
            var r = PageRank.Run(g, PageRankParameters.Default, null, cancellationToken);
            return $"iterations={r.Iterations} converged={r.Converged} max={r.Scores.Max():E3}";
        });

        var report = new AlgorithmSuiteReport(g.NodeCount, g.EntryCount / 2, g.MemoryBytes, timings);
        output.WriteLine($"total: {report.TotalMilliseconds:F0} ms");
        return report;

        void Time(string name, Func<string> run)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var watch = Stopwatch.StartNew();
            var summary = run();
            watch.Stop();
            timings.Add(new AlgorithmTiming(name, watch.Elapsed.TotalMilliseconds, summary));
            output.WriteLine($"{name,-10} {watch.Elapsed.TotalMilliseconds,10:F0} ms  {summary}");
        }
    }
}
