namespace BehaviorGraph.Analytics.Projection;

/// <summary>How stored (source → target) edges become adjacency in a projection, as in Neo4j GDS.</summary>
public enum Orientation
{
    /// <summary>source → target as stored.</summary>
    Natural = 0,

    /// <summary>target → source.</summary>
    Reverse = 1,

    /// <summary>Both directions; every edge appears in the adjacency of both endpoints.</summary>
    Undirected = 2,
}
