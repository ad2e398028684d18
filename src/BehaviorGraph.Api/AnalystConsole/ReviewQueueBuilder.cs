using BehaviorGraph.Api.AnalystConsole.Contracts;
using BehaviorGraph.Api.Contracts;
using BehaviorGraph.Api.Scoring;
using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Core.Labels;
using BehaviorGraph.Core.Scoring;

namespace BehaviorGraph.Api.AnalystConsole;

/// <summary>
/// Builds the review queue from the served scoring run (in memory) and the latest labels: first the accounts the run
/// decided <c>review</c> that no label has judged since they were scored, then the highest scores no label names at
/// all; each part highest score first, at most <c>limit</c> in all, optionally only accounts in a cluster of one kind.
/// </summary>
internal static class ReviewQueueBuilder
{
    public const int ReasonsShown = 3;

    public static ReviewQueue Build(ScoreSnapshot snapshot, IReadOnlyList<AccountLabel> latestLabels, ClusterKind? kind, int limit)
    {
        var labels = latestLabels.ToDictionary(l => l.Account, StringComparer.Ordinal);
        var kindName = kind?.ToString().ToLowerInvariant();
        var review = new PriorityQueue<AccountScore, (double, string)>(Worst);
        var unlabelled = new PriorityQueue<AccountScore, (double, string)>(Worst);
        var pending = 0;
        foreach (var score in snapshot.Scores.Values)
        {
            if (kindName is not null && !(snapshot.Clusters.TryGetValue(score.Account, out var clusters) && clusters.Any(c => c.Kind == kindName)))
            {
                continue;
            }

            var label = labels.GetValueOrDefault(score.Account);
            if (score.Decision == Decision.Review)
            {
                if (label is null || label.LabelledAt < score.ScoredAt)
                {
                    pending++;
                    Keep(review, score, limit);
                }
            }
            else if (label is null)
            {
                Keep(unlabelled, score, limit);
            }
        }

        var items = Drain(review).Select(s => Item(s, "review")).Concat(Drain(unlabelled).Select(s => Item(s, "unlabelled"))).Take(limit).ToList();
        return new ReviewQueue(snapshot.Run?.RunId, snapshot.Run?.ModelVersion, snapshot.Run?.CompletedAt, pending, items);

        QueueItem Item(AccountScore s, string why)
        {
            var label = labels.GetValueOrDefault(s.Account);
            return new QueueItem(
                s.Account,
                s.Score,
                s.Decision.ToString().ToLowerInvariant(),
                why,
                s.Reasons.Take(ReasonsShown).Select(r => new Reason(r.Code, r.Value, r.Contribution, r.Text)).ToList(),
                snapshot.Clusters.TryGetValue(s.Account, out var clusters) ? clusters : [],
                label?.Label.ToString().ToLowerInvariant(),
                label?.LabelledAt);
        }
    }

    /// <summary>Orders the heap's root as the entry to drop first: the lowest score, then the greatest account id.</summary>
    private static readonly Comparer<(double Score, string Account)> Worst = Comparer<(double Score, string Account)>.Create((a, b) =>
    {
        var byScore = a.Score.CompareTo(b.Score);
        return byScore != 0 ? byScore : string.CompareOrdinal(b.Account, a.Account);
    });

    private static void Keep(PriorityQueue<AccountScore, (double, string)> heap, AccountScore score, int limit)
    {
        if (heap.Count < limit)
        {
            heap.Enqueue(score, (score.Score, score.Account));
        }
        else if (heap.TryPeek(out _, out var worst) && Worst.Compare((score.Score, score.Account), worst) > 0)
        {
            heap.DequeueEnqueue(score, (score.Score, score.Account));
        }
    }

    private static List<AccountScore> Drain(PriorityQueue<AccountScore, (double, string)> heap)
    {
        var result = new List<AccountScore>(heap.Count);
        while (heap.TryDequeue(out var score, out _))
        {
            result.Add(score);
        }

        result.Reverse();
        return result;
    }
}
