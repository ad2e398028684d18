namespace BehaviorGraph.Analytics.Algorithms.Reciprocity;

/// <summary>Reciprocity takes no tuning; the record keeps the algorithm shape uniform.</summary>
public sealed record ReciprocityParameters
{
    public static ReciprocityParameters Default { get; } = new();
}
