using System.Globalization;
using System.Text.RegularExpressions;
using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Pipeline;

/// <summary>
/// Keeps a group's cluster id from one run to the next, so analysts' links, notes and verdicts keep pointing at the
/// same group. A cluster of this run takes the id of the previous run's cluster of the same kind when each holds more
/// than half of the other's members (so a pair matches at most once; the largest overlaps are matched first), and says
/// in its evidence how its membership changed. Every other cluster gets a number above the previous run's highest of
/// its kind, so an id that named one group never names another group in the next run. Cross-references between
/// clusters in the evidence follow the renaming.
/// </summary>
internal static partial class ClusterContinuity
{
    /// <summary>Figure set to 1 on a cluster that continues none of the previous run's.</summary>
    public const string NewFigure = "newSincePreviousRun";

    public static IReadOnlyList<DetectedCluster> Carry(IReadOnlyList<DetectedCluster> previous, IReadOnlyList<DetectedCluster> current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        if (previous.Count == 0 || current.Count == 0)
        {
            return current;
        }

        var matchOf = Match(previous, current);
        var nextNumber = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cluster in previous)
        {
            if (TrySplit(cluster.Id, out var prefix, out var number))
            {
                nextNumber[prefix] = Math.Max(nextNumber.GetValueOrDefault(prefix, 1), number + 1);
            }
        }

        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < current.Count; i++)
        {
            var id = current[i].Id;
            if (matchOf[i] >= 0)
            {
                renamed[id] = previous[matchOf[i]].Id;
            }
            else if (TrySplit(id, out var prefix, out _) && nextNumber.TryGetValue(prefix, out var next))
            {
                renamed[id] = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{next}");
                nextNumber[prefix] = next + 1;
            }
        }

        var result = new List<DetectedCluster>(current.Count);
        for (var i = 0; i < current.Count; i++)
        {
            var cluster = current[i];
            var evidence = IdToken().Replace(cluster.Evidence, m => renamed.GetValueOrDefault(m.Value, m.Value));
            var figures = new Dictionary<string, double>(cluster.Figures);
            if (matchOf[i] >= 0)
            {
                var before = previous[matchOf[i]].Members;
                var joined = cluster.Members.Except(before, StringComparer.Ordinal).Count();
                var left = before.Except(cluster.Members, StringComparer.Ordinal).Count();
                figures["joinedSincePreviousRun"] = joined;
                figures["leftSincePreviousRun"] = left;
                if (joined + left > 0)
                {
                    evidence += string.Create(CultureInfo.InvariantCulture,
                        $"; since the previous run {joined} joined and {left} left ({before.Count} then, {cluster.Members.Count} now)");
                }
            }
            else
            {
                figures[NewFigure] = 1;
                evidence += "; new since the previous run";
            }

            result.Add(cluster with { Id = renamed.GetValueOrDefault(cluster.Id, cluster.Id), Evidence = evidence, Figures = figures });
        }

        return result;
    }

    /// <summary>For each current cluster, the index of the previous cluster it continues, or -1.</summary>
    private static int[] Match(IReadOnlyList<DetectedCluster> previous, IReadOnlyList<DetectedCluster> current)
    {
        var holders = new Dictionary<(ClusterKind Kind, string Account), List<int>>();
        for (var p = 0; p < previous.Count; p++)
        {
            foreach (var account in previous[p].Members)
            {
                var key = (previous[p].Kind, account);
                if (!holders.TryGetValue(key, out var list))
                {
                    holders.Add(key, list = []);
                }

                list.Add(p);
            }
        }

        var pairs = new List<(int Current, int Previous, int Shared)>();
        var shared = new Dictionary<int, int>();
        for (var c = 0; c < current.Count; c++)
        {
            shared.Clear();
            foreach (var account in current[c].Members)
            {
                if (holders.TryGetValue((current[c].Kind, account), out var list))
                {
                    foreach (var p in list)
                    {
                        shared[p] = shared.GetValueOrDefault(p) + 1;
                    }
                }
            }

            foreach (var (p, count) in shared)
            {
                if (count * 2 > current[c].Members.Count && count * 2 > previous[p].Members.Count)
                {
                    pairs.Add((c, p, count));
                }
            }
        }

        var matchOf = new int[current.Count];
        Array.Fill(matchOf, -1);
        var taken = new bool[previous.Count];
        foreach (var (c, p, _) in pairs.OrderByDescending(x => x.Shared).ThenBy(x => x.Current).ThenBy(x => x.Previous))
        {
            if (matchOf[c] < 0 && !taken[p])
            {
                matchOf[c] = p;
                taken[p] = true;
            }
        }

        return matchOf;
    }

    private static bool TrySplit(string id, out string prefix, out int number)
    {
        var dash = id.LastIndexOf('-');
        prefix = dash > 0 ? id[..dash] : string.Empty;
        number = 0;
        return dash > 0 && int.TryParse(id.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>A cluster id as <see cref="Detectors.ClusterOverlaps"/> cites it in evidence ("12 in ring-4").</summary>
    [GeneratedRegex(@"(?<=[0-9] in )[a-z]+-[0-9]+(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex IdToken();
}
