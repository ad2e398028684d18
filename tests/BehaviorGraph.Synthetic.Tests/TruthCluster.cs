namespace BehaviorGraph.Synthetic.Tests;

public sealed record TruthCluster(string Id, string Kind, IReadOnlyList<string> Members, string Description);
