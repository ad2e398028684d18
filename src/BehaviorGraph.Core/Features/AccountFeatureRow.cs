namespace BehaviorGraph.Core.Features;

/// <summary>One account's feature values, in the order of its snapshot's <see cref="FeatureSnapshot.FeatureNames"/>.</summary>
public sealed record AccountFeatureRow(string Account, float[] Values);
