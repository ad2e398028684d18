using BehaviorGraph.Analytics.Algorithms.Common;
using BehaviorGraph.Analytics.Algorithms.KCore;
using BehaviorGraph.Analytics.Algorithms.PageRank;
using BehaviorGraph.Analytics.Algorithms.Reciprocity;
using BehaviorGraph.Analytics.Algorithms.Triangles;
using BehaviorGraph.Analytics.Detectors;
using BehaviorGraph.Analytics.Detectors.Blocks;
using BehaviorGraph.Analytics.Pipeline;
using BehaviorGraph.Core.Features;

namespace BehaviorGraph.Analytics.Features;

/// <summary>Computes every <see cref="FeatureCatalog"/> column from the loaded data, the projections and the detections.</summary>
internal static class FeatureBuilder
{
    private const double DayMs = 86_400_000.0;

    /// <summary>Graph algorithms whose per-account results feed features (the "algorithms" stage).</summary>
    public static GraphMeasures MeasureGraph(PlatformGraphs graphs, FeatureOptions options, CancellationToken cancellationToken)
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

    public static FeatureMatrix Build(
        PlatformData data,
        PlatformGraphs graphs,
        GraphMeasures measures,
        IdentityDetection identity,
        RingDetection rings,
        BotDetection bots,
        BlockDetection blocks,
        FeatureOptions options,
        CancellationToken cancellationToken)
    {
        var n = data.AccountCount;
        var matrix = new FeatureMatrix(n);
        EventFeatures(data, matrix, cancellationToken);
        GraphFeatures(data, graphs, measures, matrix);
        IdentifierFeatures(identity, rings, bots, blocks, matrix);
        ReportFeatures(data, graphs, matrix);
        RatingFeatures(data, options, matrix);
        ClusterFeatures(identity, rings, bots, blocks, matrix);
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

    private static void IdentifierFeatures(IdentityDetection identity, RingDetection rings, BotDetection bots, BlockDetection blocks, FeatureMatrix matrix)
    {
        var devices = matrix[AccountFeatures.DevicesUsed];
        var ips = matrix[AccountFeatures.IpsUsed];
        var perDevice = matrix[AccountFeatures.MaxAccountsPerDevice];
        var perIp = matrix[AccountFeatures.MaxAccountsPerIp];
        var communitySize = matrix[AccountFeatures.CommunitySize];
        var communityDensity = matrix[AccountFeatures.CommunityDensity];
        var block = matrix[AccountFeatures.DenseBlockDensity];
        var lockSize = matrix[AccountFeatures.LockstepGroupSize];
        var lockSync = matrix[AccountFeatures.LockstepSynchrony];
        var lockTargets = matrix[AccountFeatures.LockstepSharedTargets];
        for (var a = 0; a < matrix.Accounts; a++)
        {
            devices[a] = identity.DevicesUsed[a];
            ips[a] = identity.IpsUsed[a];
            perDevice[a] = identity.MaxAccountsPerDevice[a];
            perIp[a] = identity.MaxAccountsPerIp[a];
            communitySize[a] = rings.CommunitySize[a];
            communityDensity[a] = rings.CommunityDensity[a];
            block[a] = blocks.BlockDensity[a];
            lockSize[a] = bots.GroupSize[a];
            lockSync[a] = bots.Synchrony[a];
            lockTargets[a] = bots.SharedTargets[a];
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

    private static void RatingFeatures(PlatformData data, FeatureOptions options, FeatureMatrix matrix)
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

        var rev2 = Rev2.Run(n, [.. raters], [.. ratees], [.. scores], options.Rev2MaxIterations, options.Rev2Tolerance);
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

    private static void ClusterFeatures(IdentityDetection identity, RingDetection rings, BotDetection bots, BlockDetection blocks, FeatureMatrix matrix)
    {
        var groupSize = matrix[AccountFeatures.IdentityGroupSize];
        Array.Fill(groupSize, 1f);
        Assign(identity.Ordered, matrix[AccountFeatures.IdentityScore], groupSize);
        Assign(rings.Ordered, matrix[AccountFeatures.RingScore], matrix[AccountFeatures.RingSize]);
        Assign(blocks.Ordered, matrix[AccountFeatures.BlockScore], matrix[AccountFeatures.BlockSize]);
        Assign(bots.Ordered, matrix[AccountFeatures.BotScore], matrix[AccountFeatures.BotSize]);
    }

    private static void Assign(IReadOnlyList<ClusterCandidate> clusters, float[] score, float[] size)
    {
        foreach (var cluster in clusters)
        {
            foreach (var m in cluster.Members)
            {
                if (cluster.Score > score[m] || size[m] <= 1)
                {
                    score[m] = (float)cluster.Score;
                    size[m] = cluster.Members.Length;
                }
            }
        }
    }
}
