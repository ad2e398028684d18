namespace BehaviorGraph.Scoring.Registry;

/// <summary>Whether the gate let a model through, and why, in a sentence for people.</summary>
public sealed record PromotionDecision(bool Promoted, string Reason);
