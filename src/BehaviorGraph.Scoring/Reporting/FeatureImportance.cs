namespace BehaviorGraph.Scoring.Reporting;

/// <summary>How much the model's AUC drops when the feature's values are shuffled across accounts.</summary>
public sealed record FeatureImportance(string Feature, double AucDrop);
