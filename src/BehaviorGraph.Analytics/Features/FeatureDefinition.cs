namespace BehaviorGraph.Analytics.Features;

/// <summary>One account feature: its stable name (a column of every snapshot) and what it measures.</summary>
public sealed record FeatureDefinition(string Name, string Description);
