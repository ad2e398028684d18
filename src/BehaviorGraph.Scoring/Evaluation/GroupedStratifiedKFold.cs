using System.IO.Hashing;
using System.Text;

namespace BehaviorGraph.Scoring.Evaluation;

/// <summary>
/// Assigns examples to folds so that every group (linked identities, one cluster) lands in exactly one fold and each
/// fold gets a near-equal share of abusive and benign examples. Groups holding abusive examples are placed first,
/// largest first, each into the fold with the fewest abusive examples; the all-benign groups then fill the folds with
/// the fewest benign examples. Ties between equal groups are ordered by a seeded hash, so the split is reproducible.
/// </summary>
internal static class GroupedStratifiedKFold
{
    public static FoldAssignment Assign(IReadOnlyList<string> accounts, IReadOnlyList<bool> labels, Func<string, string?> groupOf, int folds, int seed)
    {
        var groups = new Dictionary<string, GroupTally>(StringComparer.Ordinal);
        var groupOfExample = new string[accounts.Count];
        for (var i = 0; i < accounts.Count; i++)
        {
            // An ungrouped account is its own group; the prefix keeps it apart from any real group id.
            var key = groupOf(accounts[i]) is { Length: > 0 } id ? "g:" + id : "a:" + accounts[i];
            groupOfExample[i] = key;
            if (!groups.TryGetValue(key, out var tally))
            {
                tally = new GroupTally(key, Tiebreak(key, seed));
                groups[key] = tally;
            }

            if (labels[i])
            {
                tally.Positives++;
            }
            else
            {
                tally.Negatives++;
            }
        }

        var positiveGroups = groups.Values.Count(g => g.Positives > 0);
        var negativeGroups = groups.Values.Count(g => g.Negatives > 0);
        var effective = Math.Min(folds, Math.Min(positiveGroups, negativeGroups));
        if (effective < 2)
        {
            throw new InsufficientLabelsException(
                $"Cross-validation needs abusive and benign examples in at least two separate groups each; " +
                $"the labels give {positiveGroups} group(s) with abusive and {negativeGroups} with benign accounts.");
        }

        var foldPositives = new int[effective];
        var foldNegatives = new int[effective];
        var foldOfGroup = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in groups.Values.Where(g => g.Positives > 0)
                     .OrderByDescending(g => g.Positives).ThenByDescending(g => g.Negatives).ThenBy(g => g.Tiebreak).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var fold = Smallest(foldPositives, foldNegatives);
            Place(group, fold);
        }

        foreach (var group in groups.Values.Where(g => g.Positives == 0)
                     .OrderByDescending(g => g.Negatives).ThenBy(g => g.Tiebreak).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var fold = Smallest(foldNegatives, foldPositives);
            Place(group, fold);
        }

        var foldOfExample = groupOfExample.Select(g => foldOfGroup[g]).ToArray();
        return new FoldAssignment(effective, foldOfExample, groupOfExample);

        void Place(GroupTally group, int fold)
        {
            foldOfGroup[group.Key] = fold;
            foldPositives[fold] += group.Positives;
            foldNegatives[fold] += group.Negatives;
        }
    }

    private static int Smallest(int[] primary, int[] secondary)
    {
        var best = 0;
        for (var f = 1; f < primary.Length; f++)
        {
            if (primary[f] < primary[best] || (primary[f] == primary[best] && secondary[f] < secondary[best]))
            {
                best = f;
            }
        }

        return best;
    }

    private static ulong Tiebreak(string key, int seed) => XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(key), seed);

    private sealed class GroupTally(string key, ulong tiebreak)
    {
        public string Key { get; } = key;

        public ulong Tiebreak { get; } = tiebreak;

        public int Positives { get; set; }

        public int Negatives { get; set; }
    }
}
