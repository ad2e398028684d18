namespace BehaviorGraph.Core.Graph;

/// <summary>Kinds of graph node. The numeric values are stored; never renumber them.</summary>
public enum NodeKind
{
    Account = 1,
    Content = 2,
    Device = 3,
    Ip = 4,
}
