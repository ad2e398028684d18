using System.Globalization;
using BehaviorGraph.Core.Labels;

namespace BehaviorGraph.Analytics.Detectors.Supervision;

/// <summary>
/// Groups the unsupervised detectors measured but did not report, surfaced because of what the platform already
/// knows: far more of their members are labelled abusive, or were flagged by the latest scoring run, than chance
/// would put in a group of their size (binomial tail against the platform's own rate, Chernoff bound, Bonferroni over
/// the groups examined at the given significance). A group with at least as many members labelled benign as abusive is
/// not surfaced by labels.
/// </summary>
internal static class SupervisedSurfacing
{
    public static List<ClusterCandidate> Surface(IReadOnlyList<ClusterCandidate> groups, string[] accountKeys, AnalystSignals signals, double significance)
    {
        var surfaced = new List<ClusterCandidate>();
        if (signals.IsEmpty || groups.Count == 0)
        {
            return surfaced;
        }

        var n = accountKeys.Length;
        var abusive = signals.Labels.Count(l => l.Value == LabelKind.Abusive);
        var labelRate = (double)abusive / n;
        var flaggedRate = (double)signals.Flagged.Count / n;
        var bar = Math.Log(significance / groups.Count);
        foreach (var group in groups)
        {
            int labelledAbusive = 0, labelledBenign = 0, flagged = 0;
            foreach (var m in group.Members)
            {
                var key = accountKeys[m];
                if (signals.Labels.TryGetValue(key, out var label))
                {
                    labelledAbusive += label == LabelKind.Abusive ? 1 : 0;
                    labelledBenign += label == LabelKind.Benign ? 1 : 0;
                }

                flagged += signals.Flagged.Contains(key) ? 1 : 0;
            }

            var size = group.Members.Length;
            var byLabels = labelledAbusive >= 2 && labelledAbusive > labelledBenign ? LogTail(labelledAbusive, size, labelRate) : 0;
            var byScores = flagged >= 2 ? LogTail(flagged, size, flaggedRate) : 0;
            if (Math.Min(byLabels, byScores) > bar)
            {
                continue;
            }

            var reasons = new List<string>();
            if (byLabels <= bar)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{labelledAbusive} of its {size} members are labelled abusive ({labelledBenign} benign) where the platform's rate predicts {labelRate * size:0.0} (chance ≤ e^{byLabels:0})"));
            }

            if (byScores <= bar)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{flagged} of its {size} members were sent to review or blocked by model {signals.ModelVersion} where the platform's rate predicts {flaggedRate * size:0.0} (chance ≤ e^{byScores:0})"));
            }

            var figures = new Dictionary<string, double>(group.Figures)
            {
                ["labelledAbusive"] = labelledAbusive,
                ["labelledBenign"] = labelledBenign,
                ["flaggedByModel"] = flagged,
                ["surfacedLogChance"] = Math.Round(Math.Min(byLabels, byScores), 2),
            };
            surfaced.Add(new ClusterCandidate(
                group.Members,
                group.Score,
                $"surfaced by what the platform knows: {string.Join("; ", reasons)}. Its own structure: {group.Evidence}",
                figures));
        }

        return surfaced;
    }

    /// <summary>ln of the Chernoff bound on P(X ≥ k) for X ~ Binomial(n, p): −n·KL(k/n ‖ p) when k/n exceeds p, else 0.</summary>
    internal static double LogTail(int k, int n, double p)
    {
        if (n == 0 || k == 0)
        {
            return 0;
        }

        var q = (double)k / n;
        p = Math.Clamp(p, 1e-12, 1 - 1e-12);
        if (q <= p)
        {
            return 0;
        }

        var kl = (q * Math.Log(q / p)) + (q < 1 ? (1 - q) * Math.Log((1 - q) / (1 - p)) : 0);
        return -n * kl;
    }
}
