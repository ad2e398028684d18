namespace BehaviorGraph.Analytics.Detectors;

/// <summary>How <see cref="GroupSplit"/> splits: Louvain resolution and seed, the modularity floor, the margin over chance and the rewirings tried.</summary>
internal sealed record GroupSplitParameters(double Resolution, ulong Seed, double MinModularity, double Margin, int NullTrials);
