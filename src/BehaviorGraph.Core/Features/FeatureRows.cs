namespace BehaviorGraph.Core.Features;

/// <summary>Checks every store applies before writing a run's feature rows.</summary>
public static class FeatureRows
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first account whose row is not as wide as the run's feature list.</summary>
    public static void EnsureWidth(IReadOnlyList<string> featureNames, IReadOnlyList<AccountFeatureRow> rows)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            if (row.Values.Length != featureNames.Count)
            {
                throw new ArgumentException($"Account {row.Account} has {row.Values.Length} feature values; the run names {featureNames.Count} features.", nameof(rows));
            }
        }
    }
}
