using System.Security.Cryptography;
using System.Text;
using BehaviorGraph.Core.Features;
using BehaviorGraph.Core.Labels;

namespace BehaviorGraph.Scoring.Training;

/// <summary>
/// A feature snapshot joined to labels by account key, in account order. Labelled accounts the snapshot does not
/// hold are skipped and listed in <see cref="UnknownAccounts"/>.
/// </summary>
public sealed class TrainingSet
{
    private TrainingSet(IReadOnlyList<string> featureNames, string[] accounts, float[][] features, bool[] labels, IReadOnlyList<string> unknownAccounts)
    {
        FeatureNames = featureNames;
        Accounts = accounts;
        Features = features;
        Labels = labels;
        UnknownAccounts = unknownAccounts;
        Positives = labels.Count(l => l);
        Negatives = labels.Length - Positives;
    }

    public IReadOnlyList<string> FeatureNames { get; }

    public IReadOnlyList<string> Accounts { get; }

    public IReadOnlyList<string> UnknownAccounts { get; }

    /// <summary>Abusive examples.</summary>
    public int Positives { get; }

    /// <summary>Benign examples.</summary>
    public int Negatives { get; }

    public int Count => Labels.Length;

    internal float[][] Features { get; }

    internal bool[] Labels { get; }

    public static TrainingSet Build(FeatureSnapshot snapshot, IEnumerable<AccountLabel> labels)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(labels);
        var rows = new Dictionary<string, float[]>(snapshot.Rows.Count, StringComparer.Ordinal);
        foreach (var row in snapshot.Rows)
        {
            if (row.Values.Length != snapshot.FeatureNames.Count)
            {
                throw new ArgumentException(
                    $"Snapshot row of account '{row.Account}' has {row.Values.Length} values for {snapshot.FeatureNames.Count} features.");
            }

            rows[row.Account] = row.Values;
        }

        var byAccount = new SortedDictionary<string, bool>(StringComparer.Ordinal);
        foreach (var label in labels)
        {
            byAccount[label.Account] = label.Label == LabelKind.Abusive;
        }

        var accounts = new List<string>(byAccount.Count);
        var features = new List<float[]>(byAccount.Count);
        var flags = new List<bool>(byAccount.Count);
        var unknown = new List<string>();
        foreach (var (account, abusive) in byAccount)
        {
            if (rows.TryGetValue(account, out var values))
            {
                accounts.Add(account);
                features.Add(values);
                flags.Add(abusive);
            }
            else
            {
                unknown.Add(account);
            }
        }

        return new TrainingSet(snapshot.FeatureNames, [.. accounts], [.. features], [.. flags], unknown);
    }

    /// <summary>Throws <see cref="InsufficientLabelsException"/> unless both classes have at least <paramref name="minimumPerClass"/> examples.</summary>
    public void EnsureEnough(int minimumPerClass)
    {
        if (Positives < minimumPerClass || Negatives < minimumPerClass)
        {
            var unknown = UnknownAccounts.Count > 0 ? $" ({UnknownAccounts.Count:N0} labelled account(s) are not in the feature snapshot and were skipped)" : string.Empty;
            throw new InsufficientLabelsException(
                $"Too few labels to train: {Positives:N0} abusive and {Negatives:N0} benign accounts match the feature snapshot{unknown}; " +
                $"at least {minimumPerClass} of each class are needed.");
        }
    }

    /// <summary>SHA-256 (hex) of the feature names, every example's account, label and values, and the trainer settings.</summary>
    public string ComputeHash(TrainingOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in FeatureNames)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name));
            hash.AppendData([0]);
        }

        foreach (var (key, value) in options.ToSettings())
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{key}={value}"));
            hash.AppendData([0]);
        }

        for (var i = 0; i < Labels.Length; i++)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Accounts[i]));
            hash.AppendData([0, Labels[i] ? (byte)1 : (byte)0]);
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Features[i].AsSpan()));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    internal TrainingSet Subset(IReadOnlyList<int> indices) => new(
        FeatureNames,
        indices.Select(i => Accounts[i]).ToArray(),
        indices.Select(i => Features[i]).ToArray(),
        indices.Select(i => Labels[i]).ToArray(),
        []);
}
