namespace BehaviorGraph.Analytics.Algorithms.KCore;

/// <summary>k-core decomposition takes no tuning; the record keeps the algorithm shape uniform.</summary>
public sealed record KCoreParameters
{
    public static KCoreParameters Default { get; } = new();
}
