namespace BehaviorGraph.Scoring.Reasons;

/// <summary>
/// A stable reason code and a sentence template for one feature. The template may hold <c>{value}</c> or
/// <c>{value:FORMAT}</c> (a .NET numeric format, invariant culture), replaced by the account's feature value.
/// </summary>
public sealed record ReasonTemplate(string Code, string Text);
