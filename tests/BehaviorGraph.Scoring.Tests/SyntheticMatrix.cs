using BehaviorGraph.Core.Features;
using BehaviorGraph.Core.Labels;

namespace BehaviorGraph.Scoring.Tests;

/// <summary>
/// A small feature matrix where abusive accounts come in rings of five (one group id each) with shifted distributions
/// of the risk features; benign accounts are mostly ungrouped, some in households of two. <c>noise</c> carries no
/// signal in either class.
/// </summary>
internal sealed record SyntheticMatrix(FeatureSnapshot Snapshot, IReadOnlyList<AccountLabel> Labels, IReadOnlyDictionary<string, string> Groups)
{
    public static readonly string[] FeatureNames =
        ["max_accounts_per_device", "lockstep_group_size", "events_per_active_day", "account_age_days", "noise", "mysteryFeature"];

    public static SyntheticMatrix Create(int benign = 400, int rings = 20, int seed = 7, int unlabelled = 0, long runId = 1)
    {
        var random = new Random(seed);
        var rows = new List<AccountFeatureRow>();
        var labels = new List<AccountLabel>();
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        var at = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var r = 0; r < rings; r++)
        {
            for (var m = 0; m < 5; m++)
            {
                var account = $"bad-{r:D3}-{m}";
                rows.Add(new AccountFeatureRow(account, Abusive(random)));
                labels.Add(new AccountLabel(account, LabelKind.Abusive, "test", null, null, at));
                groups[account] = $"ring-{r}";
            }
        }

        for (var b = 0; b < benign; b++)
        {
            var account = $"good-{b:D4}";
            rows.Add(new AccountFeatureRow(account, Benign(random)));
            labels.Add(new AccountLabel(account, LabelKind.Benign, "test", null, null, at));
            if (b % 10 < 2)
            {
                groups[account] = $"household-{b / 10}";
            }
        }

        for (var u = 0; u < unlabelled; u++)
        {
            rows.Add(new AccountFeatureRow($"unlabelled-{u:D6}", u % 20 == 0 ? Abusive(random) : Benign(random)));
        }

        return new SyntheticMatrix(new FeatureSnapshot(runId, at, FeatureNames, rows), labels, groups);
    }

    /// <summary>Rows of a large snapshot for throughput runs, without labels.</summary>
    public static FeatureSnapshot Large(int accounts, int seed = 11)
    {
        var random = new Random(seed);
        var rows = new AccountFeatureRow[accounts];
        for (var i = 0; i < accounts; i++)
        {
            rows[i] = new AccountFeatureRow($"acct-{i:D7}", i % 20 == 0 ? Abusive(random) : Benign(random));
        }

        return new FeatureSnapshot(2, DateTimeOffset.UnixEpoch, FeatureNames, rows);
    }

    private static float[] Abusive(Random random) =>
    [
        (float)Math.Round(Normal(random, 8, 4)),
        (float)Math.Round(Normal(random, 12, 6)),
        (float)Normal(random, 40, 20),
        (float)Math.Abs(Normal(random, 20, 15)),
        (float)random.NextDouble(),
        (float)Normal(random, 1, 1),
    ];

    private static float[] Benign(Random random) =>
    [
        (float)Math.Round(Math.Abs(Normal(random, 1, 2))),
        (float)Math.Round(Math.Abs(Normal(random, 1, 2))),
        (float)Math.Abs(Normal(random, 10, 10)),
        (float)Math.Abs(Normal(random, 400, 250)),
        (float)random.NextDouble(),
        (float)Normal(random, 0, 1),
    ];

    private static double Normal(Random random, double mean, double sd)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return mean + sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
