using BehaviorGraph.Core.Features;

namespace BehaviorGraph.Analytics.Detectors;

/// <summary>One feature of the vocabulary for every account of the run (index = account).</summary>
internal sealed record FeatureColumn(FeatureDefinition Feature, float[] Values);
