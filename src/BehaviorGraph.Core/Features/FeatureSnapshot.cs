namespace BehaviorGraph.Core.Features;

/// <summary>
/// The per-account features of one analysis run. Feature names are one ordered list shared by training and
/// scoring; a model records the list it was trained on.
/// </summary>
public sealed record FeatureSnapshot(long RunId, DateTimeOffset CreatedAt, IReadOnlyList<string> FeatureNames, IReadOnlyList<AccountFeatureRow> Rows);
