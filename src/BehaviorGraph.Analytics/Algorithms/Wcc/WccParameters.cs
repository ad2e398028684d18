namespace BehaviorGraph.Analytics.Algorithms.Wcc;

/// <summary>Weakly connected components take no tuning; the record exists so every algorithm has the same shape.</summary>
public sealed record WccParameters
{
    public static WccParameters Default { get; } = new();
}
