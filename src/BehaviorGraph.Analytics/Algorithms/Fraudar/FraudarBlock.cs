namespace BehaviorGraph.Analytics.Algorithms.Fraudar;

/// <summary>
/// A dense block: source-side and target-side members (dense ids), the edges inside it, their total
/// suspiciousness f(S) and the density g(S) = f(S) / (|sources| + |targets|).
/// </summary>
public sealed record FraudarBlock(int[] Sources, int[] Targets, long EdgeCount, double Suspiciousness, double Density);
