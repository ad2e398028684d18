using BehaviorGraph.Analytics.Projection;

namespace BehaviorGraph.Analytics.Detectors.Identities;

/// <summary>The accounts behind each identifier of one kind (devices or IPs), as a CSR list.</summary>
internal sealed class IdentifierCohorts
{
    private readonly int[] _offsets;
    private readonly int[] _accounts;

    private IdentifierCohorts(int[] offsets, int[] accounts)
    {
        _offsets = offsets;
        _accounts = accounts;
    }

    public int Count => _offsets.Length - 1;

    public int AccountsOf(int identifier) => _offsets[identifier + 1] - _offsets[identifier];

    public ReadOnlySpan<int> Members(int identifier) => _accounts.AsSpan(_offsets[identifier], AccountsOf(identifier));

    public static IdentifierCohorts Of(EdgeColumns edges, int identifierCount)
    {
        var offsets = new int[identifierCount + 1];
        for (var i = 0; i < edges.Length; i++)
        {
            offsets[edges.Target[i] + 1]++;
        }

        for (var x = 0; x < identifierCount; x++)
        {
            offsets[x + 1] += offsets[x];
        }

        var cursor = (int[])offsets.Clone();
        var accounts = new int[edges.Length];
        for (var i = 0; i < edges.Length; i++)
        {
            accounts[cursor[edges.Target[i]]++] = edges.Source[i];
        }

        return new IdentifierCohorts(offsets, accounts);
    }

    /// <summary>
    /// Accounts per identifier up to which sharing is what households do here: the given percentile over identifiers
    /// with two or more accounts, at least 2 and at most <paramref name="cap"/>.
    /// </summary>
    public int HouseholdLimit(double percentile, int cap)
    {
        var shared = new List<int>();
        for (var x = 0; x < Count; x++)
        {
            if (AccountsOf(x) >= 2)
            {
                shared.Add(AccountsOf(x));
            }
        }

        if (shared.Count == 0)
        {
            return 2;
        }

        shared.Sort();
        return Math.Clamp(shared[(int)Math.Round(percentile * (shared.Count - 1))], 2, Math.Max(2, cap));
    }

    /// <summary>
    /// A verdict for every identifier above the household limit (null for the others, which link): it links its accounts
    /// only when they are far more alike than random cohorts of their size.
    /// </summary>
    public IdentifierVerdict?[] Judge(IdentityParameters options, CohortLikeness likeness, int salt, CancellationToken cancellationToken)
    {
        var limit = HouseholdLimit(options.HouseholdPercentile, options.MaxHousehold);
        var verdicts = new IdentifierVerdict?[Count];
        var members = new List<int>();
        for (var x = 0; x < Count; x++)
        {
            if (AccountsOf(x) <= limit)
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            members.Clear();
            foreach (var a in Members(x))
            {
                members.Add(a);
            }

            var comparison = likeness.Compare(members, salt + x);
            verdicts[x] = new IdentifierVerdict(members.Count, comparison.Deviations >= options.FarmDeviations, comparison);
        }

        return verdicts;
    }
}
