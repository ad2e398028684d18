namespace BehaviorGraph.Analytics.Algorithms.LabelPropagation;

/// <summary>
/// Label propagation settings: iterations cap, the seed of the node visiting order, whether neighbour votes are
/// weighted, and the resolution used only to report modularity.
/// </summary>
public sealed record LabelPropagationParameters
{
    public int MaxIterations { get; init; } = 20;

    public ulong Seed { get; init; } = 42;

    public bool Weighted { get; init; } = true;

    public double Resolution { get; init; } = 1.0;

    public static LabelPropagationParameters Default { get; } = new();
}
