namespace BehaviorGraph.Analytics.Pipeline;

/// <summary>Stages of an analysis run, in the order they run.</summary>
public enum AnalysisStage
{
    /// <summary>Read nodes, edges and events once and build the account projections.</summary>
    Load = 0,

    /// <summary>Graph algorithms on the interaction graph (reciprocity, triangles, k-core, PageRank).</summary>
    Algorithms = 1,

    /// <summary>Linked identities, spam rings (Louvain, FRAUDAR) and bot clusters (lockstep).</summary>
    Detectors = 2,

    /// <summary>Per-account feature columns.</summary>
    Features = 3,

    /// <summary>Feature snapshot and clusters written to the store as one run.</summary>
    Write = 4,
}
