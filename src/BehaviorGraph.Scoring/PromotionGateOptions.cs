namespace BehaviorGraph.Scoring;

/// <summary>
/// A candidate replaces the promoted model only if its cross-validated AUPRC is at least the promoted model's minus
/// <see cref="AuprcTolerance"/>; the first model is promoted only if its AUC reaches <see cref="MinimumAuc"/>.
/// </summary>
public sealed record PromotionGateOptions(double AuprcTolerance = 0.01, double MinimumAuc = 0.7)
{
    public static PromotionGateOptions Default { get; } = new();
}
