namespace BehaviorGraph.Analytics.Benchmarks;

/// <summary>The graph measured and the time of each algorithm of the suite.</summary>
public sealed record AlgorithmSuiteReport(int Nodes, long UndirectedEdges, long ProjectionBytes, IReadOnlyList<AlgorithmTiming> Timings)
{
    public double TotalMilliseconds => Timings.Sum(t => t.Milliseconds);
}
