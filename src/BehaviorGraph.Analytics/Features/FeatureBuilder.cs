using BehaviorGraph.Analytics.Algorithms.Common;
using BehaviorGraph.Analytics.Algorithms.KCore;
using BehaviorGraph.Analytics.Algorithms.PageRank;
using BehaviorGraph.Analytics.Algorithms.Reciprocity;
using BehaviorGraph.Analytics.Algorithms.Rev2;
using BehaviorGraph.Analytics.Algorithms.Triangles;
using BehaviorGraph.Analytics.Detectors;
using BehaviorGraph.Analytics.Projection;
using BehaviorGraph.Core.Features;

namespace BehaviorGraph.Analytics.Features;

/// <summary>
/// The per-account feature matrix: the columns of <see cref="AccountFeatures"/> that come from events, the interaction
/// graph's measures, reports and ratings (<see cref="Features"/>), computed here from the loaded data and the
/// projections, and the columns each detector computed (<see cref="Detectors.IDetector.Features"/>), taken as they are.
/// </summary>
internal static class FeatureBuilder
{
    private const double DayMs = 86_400_000.0;

    /// <summary>The columns computed here; every other feature is a detector's.</summary>
    public static IReadOnlyList<FeatureDefinition> Features { get; } =
    [
        AccountFeatures.EventsTotal, .. AccountFeatures.EventCounts, AccountFeatures.InterEventCv, AccountFeatures.AccountAgeDays,
        AccountFeatures.ActiveDays, AccountFeatures.EventsPerActiveDay,
        AccountFeatures.OutDegree, AccountFeatures.InDegree, AccountFeatures.Reciprocity, AccountFeatures.ClusteringCoefficient,
        AccountFeatures.CoreNumber, AccountFeatures.Pagerank,
        AccountFeatures.ReportsReceived, AccountFeatures.ReportersDistinct, AccountFeatures.StrangersContacted,
        AccountFeatures.RatingGivenCount, AccountFeatures.RatingGivenMean, AccountFeatures.RatingGivenStd, AccountFeatures.RatingGivenNegativeShare,
        AccountFeatures.RatingReceivedCount, AccountFeatures.RatingReceivedMean, AccountFeatures.RatingReceivedStd, AccountFeatures.RatingReceivedNegativeShare,
        AccountFeatures.Rev2Fairness, AccountFeatures.Rev2Goodness,
    ];

    /// <summary>Graph algorithms whose per-account results feed features (the "algorithms" stage).</summary>
    public static GraphMeasures MeasureGraph(PlatformGraphs graphs, FeatureParameters options, CancellationToken cancellationToken)
    {
        var interaction = graphs.Interaction;
        var undirected = interaction.ToUndirected();
        var reciprocity = Reciprocity.Run(interaction, ReciprocityParameters.Default, null, cancellationToken);
        var triangles = TriangleCount.Run(undirected, TriangleCountParameters.Default, null, cancellationToken);
        var cores = KCore.Run(undirected, KCoreParameters.Default, null, cancellationToken);
        var pagerank = PageRank.Run(interaction, new PageRankParameters { Damping = options.PageRankDamping }, null, cancellationToken);
        var inDegree = new int[interaction.NodeCount];
        foreach (var v in interaction.Targets)
        {
            inDegree[v]++;
        }

        return new GraphMeasures(reciprocity, triangles.LocalClustering, cores.CoreNumbers, pagerank.Scores, inDegree);
    }

    /// <summary>Every feature: this builder's columns, and the detectors' columns as they gave them.</summary>
    public static FeatureMatrix Build(
        PlatformData data,
        PlatformGraphs graphs,
        GraphMeasures measures,
        IEnumerable<FeatureColumn> detectorColumns,
        FeatureParameters options,
        CancellationToken cancellationToken)
    {
        var n = data.AccountCount;
        var matrix = new FeatureMatrix(n);
        foreach (var column in detectorColumns)
        {
            matrix.Set(column);
        }

        EventFeatures(data, matrix, cancellationToken);
        GraphFeatures(data, graphs, measures, matrix);
        ReportFeatures(data, graphs, matrix);
        RatingFeatures(data, options, matrix, cancellationToken);
        return matrix;
    }

    private static void EventFeatures(PlatformData data, FeatureMatrix matrix, CancellationToken cancellationToken)
    {
        var n = data.AccountCount;
        var events = data.Events;
        var offsets = new int[n + 1];
        for (var i = 0; i < events.Count; i++)
        {
            offsets[events.Actor[i] + 1]++;
        }

        for (var a = 0; a < n; a++)
        {
            offsets[a + 1] += offsets[a];
        }

        var order = new int[events.Count];
        var cursor = (int[])offsets.Clone();
        for (var i = 0; i < events.Count; i++)
        {
            order[cursor[events.Actor[i]]++] = i;
        }

        var counts = new float[EventTypeCodes.Count][];
        for (var t = 0; t < counts.Length; t++)
        {
            counts[t] = matrix[AccountFeatures.EventCounts[t]];
        }

        var total = matrix[AccountFeatures.EventsTotal];
        var cv = matrix[AccountFeatures.InterEventCv];
        var age = matrix[AccountFeatures.AccountAgeDays];
        var activeDays = matrix[AccountFeatures.ActiveDays];
        var perDay = matrix[AccountFeatures.EventsPerActiveDay];
        ParallelRanges.For(n, 4096, (start, end) =>
        {
            var times = new long[64];
            for (var a = start; a < end; a++)
            {
                var from = offsets[a];
                var len = offsets[a + 1] - from;
                if (times.Length < len)
                {
                    times = new long[Math.Max(len, 2 * times.Length)];
                }

                for (var k = 0; k < len; k++)
                {
                    var e = order[from + k];
                    times[k] = events.TimestampMs[e];
                    counts[events.Type[e]][a]++;
                }

                Array.Sort(times, 0, len);
                total[a] = len;
                var first = data.AccountFirstSeenMs[a];
                if (len > 0)
                {
                    first = Math.Min(first, times[0]);
                }

                age[a] = (float)Math.Max(0, (data.ReferenceTimeMs - first) / DayMs);
                var days = 0;
                var lastDay = long.MinValue;
                double sum = 0, sumSq = 0;
                for (var k = 0; k < len; k++)
                {
                    var day = (long)Math.Floor(times[k] / DayMs);
                    if (day != lastDay)
                    {
                        days++;
                        lastDay = day;
                    }

                    if (k > 0)
                    {
                        double gap = times[k] - times[k - 1];
                        sum += gap;
                        sumSq += gap * gap;
                    }
                }

                activeDays[a] = days;
                perDay[a] = days == 0 ? 0 : (float)len / days;
                if (len >= 3 && sum > 0)
                {
                    var gaps = len - 1;
                    var mean = sum / gaps;
                    var variance = Math.Max(0, (sumSq / gaps) - (mean * mean));
                    cv[a] = (float)(Math.Sqrt(variance) / mean);
                }
            }
        }, cancellationToken);
    }

    private static void GraphFeatures(PlatformData data, PlatformGraphs graphs, GraphMeasures measures, FeatureMatrix matrix)
    {
        var n = data.AccountCount;
        var outDegree = matrix[AccountFeatures.OutDegree];
        var inDegree = matrix[AccountFeatures.InDegree];
        var reciprocity = matrix[AccountFeatures.Reciprocity];
        var clustering = matrix[AccountFeatures.ClusteringCoefficient];
        var core = matrix[AccountFeatures.CoreNumber];
        var pagerank = matrix[AccountFeatures.Pagerank];
        for (var a = 0; a < n; a++)
        {
            outDegree[a] = graphs.Interaction.Degree(a);
            inDegree[a] = measures.InDegree[a];
            reciprocity[a] = (float)measures.Reciprocity.Share[a];
            clustering[a] = (float)measures.LocalClustering[a];
            core[a] = measures.CoreNumbers[a];
            pagerank[a] = (float)(measures.PageRank[a] * n);
        }
    }

    private static void ReportFeatures(PlatformData data, PlatformGraphs graphs, FeatureMatrix matrix)
    {
        var received = matrix[AccountFeatures.ReportsReceived];
        var reporters = matrix[AccountFeatures.ReportersDistinct];
        var strangers = matrix[AccountFeatures.StrangersContacted];
        var edges = data.AccountEdges;
        for (var i = 0; i < edges.Length; i++)
        {
            if (edges.Type[i] == EventTypeCodes.Report && edges.Source[i] != edges.Target[i])
            {
                received[edges.Target[i]] += edges.Count[i];
                reporters[edges.Target[i]]++;
            }
        }

        for (var u = 0; u < data.AccountCount; u++)
        {
            var unanswered = 0;
            foreach (var v in graphs.Contact.Neighbors(u))
            {
                if (!graphs.Interaction.HasEdge(v, u))
                {
                    unanswered++;
                }
            }

            strangers[u] = unanswered;
        }
    }

    private static void RatingFeatures(PlatformData data, FeatureParameters options, FeatureMatrix matrix, CancellationToken cancellationToken)
    {
        var n = data.AccountCount;
        var events = data.Events;
        var givenCount = new long[n];
        var givenSum = new double[n];
        var givenSq = new double[n];
        var givenNeg = new long[n];
        var recvCount = new long[n];
        var recvSum = new double[n];
        var recvSq = new double[n];
        var recvNeg = new long[n];
        double scale = 0;
        for (var i = 0; i < events.Count; i++)
        {
            if (events.Type[i] != EventTypeCodes.Rate || float.IsNaN(events.Value[i]))
            {
                continue;
            }

            var target = data.TargetAccount(events.Target[i]);
            double v = events.Value[i];
            scale = Math.Max(scale, Math.Abs(v));
            var u = events.Actor[i];
            givenCount[u]++;
            givenSum[u] += v;
            givenSq[u] += v * v;
            givenNeg[u] += v < 0 ? 1 : 0;
            if (target >= 0)
            {
                recvCount[target]++;
                recvSum[target] += v;
                recvSq[target] += v * v;
                recvNeg[target] += v < 0 ? 1 : 0;
            }
        }

        Stats(givenCount, givenSum, givenSq, givenNeg, matrix[AccountFeatures.RatingGivenCount], matrix[AccountFeatures.RatingGivenMean], matrix[AccountFeatures.RatingGivenStd], matrix[AccountFeatures.RatingGivenNegativeShare]);
        Stats(recvCount, recvSum, recvSq, recvNeg, matrix[AccountFeatures.RatingReceivedCount], matrix[AccountFeatures.RatingReceivedMean], matrix[AccountFeatures.RatingReceivedStd], matrix[AccountFeatures.RatingReceivedNegativeShare]);

        // REV2 on the aggregated rate edges: one rating per (rater, ratee) pair, its mean value.
        var edges = data.AccountEdges;
        var raters = new List<int>();
        var ratees = new List<int>();
        var scores = new List<double>();
        scale = scale > 0 ? scale : 1;
        for (var i = 0; i < edges.Length; i++)
        {
            if (edges.Type[i] == EventTypeCodes.Rate && edges.Count[i] > 0 && edges.Source[i] != edges.Target[i])
            {
                raters.Add(edges.Source[i]);
                ratees.Add(edges.Target[i]);
                scores.Add(Math.Clamp(edges.ValueSum[i] / edges.Count[i] / scale, -1, 1));
            }
        }

        var rev2 = Rev2.Run(
            new Rev2Input(n, [.. raters], [.. ratees], [.. scores]),
            new Rev2Parameters { MaxIterations = options.Rev2MaxIterations, Tolerance = options.Rev2Tolerance },
            null,
            cancellationToken);
        var fairness = matrix[AccountFeatures.Rev2Fairness];
        var goodness = matrix[AccountFeatures.Rev2Goodness];
        for (var a = 0; a < n; a++)
        {
            fairness[a] = (float)rev2.Fairness[a];
            goodness[a] = (float)rev2.Goodness[a];
        }
    }

    private static void Stats(long[] count, double[] sum, double[] sq, long[] negative, float[] countColumn, float[] meanColumn, float[] stdColumn, float[] negativeColumn)
    {
        for (var a = 0; a < count.Length; a++)
        {
            if (count[a] == 0)
            {
                continue;
            }

            var mean = sum[a] / count[a];
            countColumn[a] = count[a];
            meanColumn[a] = (float)mean;
            stdColumn[a] = (float)Math.Sqrt(Math.Max(0, (sq[a] / count[a]) - (mean * mean)));
            negativeColumn[a] = (float)negative[a] / count[a];
        }
    }
}
