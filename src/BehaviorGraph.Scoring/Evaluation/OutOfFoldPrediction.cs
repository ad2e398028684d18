namespace BehaviorGraph.Scoring.Evaluation;

/// <summary>An account's probability from the model that did not see it in training.</summary>
public sealed record OutOfFoldPrediction(string Account, bool Abusive, double Score, int Fold);
