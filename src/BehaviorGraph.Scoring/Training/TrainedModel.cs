namespace BehaviorGraph.Scoring.Training;

/// <summary>A fitted model serialized with ML.NET (prediction and feature-contribution transforms), and its ordered feature names.</summary>
public sealed record TrainedModel(IReadOnlyList<string> FeatureNames, byte[] Bytes);
