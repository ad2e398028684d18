using BehaviorGraph.Analytics.Projection;

namespace BehaviorGraph.Analytics.Tests;

/// <summary>A parsed test graph: the projection and the dense id of every node name.</summary>
public sealed record TestGraph(CsrGraph Graph, IReadOnlyDictionary<string, int> Names)
{
    public int this[string name] => Names.TryGetValue(name, out var id) ? id : throw new KeyNotFoundException($"No node named '{name}'.");

    public int[] Ids(params string[] names) => [.. names.Select(n => this[n])];
}
