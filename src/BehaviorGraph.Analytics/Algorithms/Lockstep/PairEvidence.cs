namespace BehaviorGraph.Analytics.Algorithms.Lockstep;

/// <summary>
/// A tested pair: its records (a run of the sorted co-action records), co-actions and chance expectation per scale,
/// the scale where its co-action is least likely by chance, and that chance (natural log of the bound, Bonferroni
/// factor for the scales included).
/// </summary>
internal sealed record PairEvidence(int A, int B, int RunStart, int RunLength, long[] CoActions, double[] Expected, int BestScale, double LogChance);
