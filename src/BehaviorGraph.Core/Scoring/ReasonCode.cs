namespace BehaviorGraph.Core.Scoring;

/// <summary>
/// Why an account scored as it did: a stable code (e.g. <c>SHARED_DEVICE</c>), the feature it comes from,
/// the feature's value, its contribution to the model's raw score (positive raises risk) and a sentence for people.
/// </summary>
public sealed record ReasonCode(string Code, string Feature, double Value, double Contribution, string Text);
