namespace BehaviorGraph.Core.Features;

/// <summary>
/// One account feature: its stable name (a column of every snapshot), what it measures, the stable reason code a
/// score cites when the feature drove it, and the sentence of that reason — <c>{value}</c> or <c>{value:FORMAT}</c>
/// (a .NET numeric format, invariant culture) stands for the account's value.
/// </summary>
public sealed record FeatureDefinition(string Name, string Description, string ReasonCode, string Sentence);
