namespace BehaviorGraph.Analytics.Projection;

/// <summary>A projection and the statistics of the load that produced it.</summary>
public sealed record ProjectedGraph(CsrGraph Graph, ProjectionStats Stats);
