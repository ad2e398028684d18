namespace BehaviorGraph.Scoring.Evaluation;

/// <summary>The fold of every example and the group it was kept with.</summary>
internal sealed record FoldAssignment(int Folds, int[] FoldOfExample, string[] GroupOfExample);
