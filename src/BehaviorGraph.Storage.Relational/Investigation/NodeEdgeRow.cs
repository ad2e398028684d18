using BehaviorGraph.Storage.Relational.Reads;

namespace BehaviorGraph.Storage.Relational.Investigation;

/// <summary>An edge of one node as the per-node read selects it: its direction from the node and how many edges of its type and direction the node has.</summary>
internal sealed class NodeEdgeRow : EdgeRow
{
    public long Outgoing { get; init; }

    public long Total { get; init; }
}
