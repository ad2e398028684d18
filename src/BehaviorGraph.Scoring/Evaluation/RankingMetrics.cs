using BehaviorGraph.Core.Scoring;

namespace BehaviorGraph.Scoring.Evaluation;

/// <summary>
/// Ranking metrics over scores and binary labels (true = abusive). Tied scores are treated as one threshold: AUC gives
/// a tied positive/negative pair one half, average precision adds a tie group's positives at the group's precision.
/// </summary>
internal static class RankingMetrics
{
    public static ModelMetrics Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, int? k, double reviewThreshold)
    {
        var positives = labels.Count(l => l);
        var negatives = labels.Count - positives;
        var effectiveK = k ?? positives;
        return new ModelMetrics(
            Auc(scores, labels),
            AveragePrecision(scores, labels),
            PrecisionAtK(scores, labels, effectiveK),
            effectiveK,
            RecallAtThreshold(scores, labels, reviewThreshold),
            positives,
            negatives);
    }

    /// <summary>Area under the ROC curve (Mann–Whitney U with mid-ranks); null without both classes.</summary>
    public static double? Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var order = Ascending(scores);
        double positiveRankSum = 0;
        long positives = 0;
        var i = 0;
        while (i < order.Length)
        {
            var j = i;
            while (j + 1 < order.Length && scores[order[j + 1]] == scores[order[i]])
            {
                j++;
            }

            var midRank = (i + j + 2) / 2.0;
            for (var t = i; t <= j; t++)
            {
                if (labels[order[t]])
                {
                    positiveRankSum += midRank;
                    positives++;
                }
            }

            i = j + 1;
        }

        long negatives = order.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }

    /// <summary>Area under the precision–recall curve as average precision (step-wise, like scikit-learn); null without positives.</summary>
    public static double? AveragePrecision(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var order = Ascending(scores);
        Array.Reverse(order);
        var totalPositives = labels.Count(l => l);
        if (totalPositives == 0 || totalPositives == labels.Count)
        {
            return totalPositives == 0 ? null : 1.0;
        }

        double ap = 0;
        long truePositives = 0;
        long seen = 0;
        var i = 0;
        while (i < order.Length)
        {
            var j = i;
            while (j + 1 < order.Length && scores[order[j + 1]] == scores[order[i]])
            {
                j++;
            }

            long groupPositives = 0;
            for (var t = i; t <= j; t++)
            {
                if (labels[order[t]])
                {
                    groupPositives++;
                }
            }

            truePositives += groupPositives;
            seen += j - i + 1;
            ap += (double)truePositives / seen * groupPositives / totalPositives;
            i = j + 1;
        }

        return ap;
    }

    /// <summary>Share of positives among the <paramref name="k"/> highest scores (ties broken by input order); null when k is 0.</summary>
    public static double? PrecisionAtK(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, int k)
    {
        k = Math.Min(k, scores.Count);
        if (k <= 0)
        {
            return null;
        }

        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(k);
        return order.Count(i => labels[i]) / (double)k;
    }

    /// <summary>Share of positives scored at or above <paramref name="threshold"/>; null without positives.</summary>
    public static double? RecallAtThreshold(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double threshold)
    {
        long positives = 0;
        long caught = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            if (labels[i])
            {
                positives++;
                if (scores[i] >= threshold)
                {
                    caught++;
                }
            }
        }

        return positives == 0 ? null : (double)caught / positives;
    }

    private static int[] Ascending(IReadOnlyList<double> scores)
    {
        var order = Enumerable.Range(0, scores.Count).ToArray();
        Array.Sort(order, (a, b) => scores[a].CompareTo(scores[b]));
        return order;
    }
}
