using BehaviorGraph.Core.Scoring;

namespace BehaviorGraph.Scoring.Registry;

/// <summary>
/// The promotion rule: with no promoted model a candidate needs AUC ≥ the minimum; otherwise its AUPRC must not be
/// worse than the promoted model's by more than the tolerance.
/// </summary>
public static class PromotionGate
{
    public static PromotionDecision Evaluate(ModelInfo candidate, ModelInfo? promoted, PromotionGateOptions options)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(options);
        if (promoted is null)
        {
            var auc = candidate.Metrics.Auc;
            return auc is { } a && a >= options.MinimumAuc
                ? new PromotionDecision(true, $"first model: AUC {a:F4} ≥ minimum {options.MinimumAuc:F4}")
                : new PromotionDecision(false, $"first model not promoted: AUC {Show(auc)} is below the minimum {options.MinimumAuc:F4}");
        }

        if (promoted.Version == candidate.Version)
        {
            return new PromotionDecision(true, $"{candidate.Version} is already the promoted model");
        }

        var candidateAuprc = candidate.Metrics.Auprc;
        var promotedAuprc = promoted.Metrics.Auprc ?? 0;
        var floor = promotedAuprc - options.AuprcTolerance;
        return candidateAuprc is { } c && c >= floor
            ? new PromotionDecision(true, $"AUPRC {c:F4} ≥ {promoted.Version}'s {promotedAuprc:F4} − tolerance {options.AuprcTolerance:F4}")
            : new PromotionDecision(false,
                $"refused: AUPRC {Show(candidateAuprc)} is below {promoted.Version}'s {promotedAuprc:F4} − tolerance {options.AuprcTolerance:F4} = {floor:F4}; " +
                $"{promoted.Version} stays promoted");
    }

    private static string Show(double? value) => value is { } v ? v.ToString("F4") : "n/a";
}
