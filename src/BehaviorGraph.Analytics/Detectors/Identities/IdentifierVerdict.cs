namespace BehaviorGraph.Analytics.Detectors.Identities;

/// <summary>An identifier shared by more accounts than a household: whether it links them, and the comparison that decided.</summary>
internal sealed record IdentifierVerdict(int Accounts, bool Links, CohortComparison Likeness);
