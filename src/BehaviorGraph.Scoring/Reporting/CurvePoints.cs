namespace BehaviorGraph.Scoring.Reporting;

/// <summary>ROC and precision–recall curves from scores and labels, one point per distinct score threshold.</summary>
internal static class CurvePoints
{
    public static (double[] FalsePositiveRate, double[] TruePositiveRate) Roc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var (tp, fp, positives, negatives) = Sweep(scores, labels);
        var fpr = new List<double> { 0 };
        var tpr = new List<double> { 0 };
        for (var i = 0; i < tp.Count; i++)
        {
            fpr.Add(negatives == 0 ? 0 : (double)fp[i] / negatives);
            tpr.Add(positives == 0 ? 0 : (double)tp[i] / positives);
        }

        return ([.. fpr], [.. tpr]);
    }

    public static (double[] Recall, double[] Precision) PrecisionRecall(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var (tp, fp, positives, _) = Sweep(scores, labels);
        var recall = new List<double>();
        var precision = new List<double>();
        for (var i = 0; i < tp.Count; i++)
        {
            recall.Add(positives == 0 ? 0 : (double)tp[i] / positives);
            precision.Add((double)tp[i] / (tp[i] + fp[i]));
        }

        return ([.. recall], [.. precision]);
    }

    private static (List<long> Tp, List<long> Fp, long Positives, long Negatives) Sweep(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        var tp = new List<long>();
        var fp = new List<long>();
        long truePositives = 0, falsePositives = 0;
        for (var k = 0; k < order.Length; k++)
        {
            if (labels[order[k]])
            {
                truePositives++;
            }
            else
            {
                falsePositives++;
            }

            if (k == order.Length - 1 || scores[order[k + 1]] != scores[order[k]])
            {
                tp.Add(truePositives);
                fp.Add(falsePositives);
            }
        }

        return (tp, fp, truePositives, falsePositives);
    }
}
