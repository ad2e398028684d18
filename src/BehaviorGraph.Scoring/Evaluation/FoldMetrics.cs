using BehaviorGraph.Core.Scoring;

namespace BehaviorGraph.Scoring.Evaluation;

/// <summary>Metrics of one held-out fold: how many accounts and groups it held, and how the model trained without it ranked them.</summary>
public sealed record FoldMetrics(int Fold, int Accounts, int Groups, ModelMetrics Metrics);
