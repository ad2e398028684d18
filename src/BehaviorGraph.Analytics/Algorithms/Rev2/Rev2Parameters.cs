namespace BehaviorGraph.Analytics.Algorithms.Rev2;

/// <summary>REV2 settings: the iteration cap, and the largest change of any fairness or goodness that counts as converged.</summary>
internal sealed record Rev2Parameters
{
    public int MaxIterations { get; init; } = 200;

    public double Tolerance { get; init; } = 1e-6;

    public static Rev2Parameters Default { get; } = new();
}
