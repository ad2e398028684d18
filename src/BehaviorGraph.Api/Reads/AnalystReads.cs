using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Reads;
using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Api.Reads;

/// <summary>
/// The store abilities the analyst endpoints read through, chosen once at start-up: neighbourhoods and a cluster's
/// internal edges from the graph store when one is configured and offers them (Neo4j), else from the relational
/// store; whether an account exists (labels), accounts sharing an identifier and the named queries from the
/// relational store, which holds the event log they answer for. A relational store without an ability fails here.
/// </summary>
internal sealed class AnalystReads(IBehaviorStore store, IGraphStore? graph)
{
    public IAccountGraphReads Neighbourhoods { get; } = graph?.GetAbility<IAccountGraphReads>() ?? store.Require<IAccountGraphReads>();

    public IClusterGraphReads ClusterEdges { get; } = graph?.GetAbility<IClusterGraphReads>() ?? store.Require<IClusterGraphReads>();

    public IAccountGraphReads Accounts { get; } = store.Require<IAccountGraphReads>();

    public INamedQueries Queries { get; } = store.Require<INamedQueries>();
}
