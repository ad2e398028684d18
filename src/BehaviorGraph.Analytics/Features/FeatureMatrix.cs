using BehaviorGraph.Analytics.Detectors;
using BehaviorGraph.Core.Features;

namespace BehaviorGraph.Analytics.Features;

/// <summary>
/// Features column-major while computing (one float array per feature of <see cref="AccountFeatures"/>); rows only at
/// the end. Every column has one producer: the feature builder writes its own through the indexer, each detector hands
/// over its columns whole (<see cref="Set"/>), and a column nobody computed is an error, never a silent zero.
/// </summary>
internal sealed class FeatureMatrix
{
    private readonly float[]?[] _columns;

    public FeatureMatrix(int accounts)
    {
        Accounts = accounts;
        _columns = new float[AccountFeatures.All.Count][];
    }

    public int Accounts { get; }

    /// <summary>The feature's column, created (all zeros) on first use.</summary>
    public float[] this[FeatureDefinition feature] => _columns[AccountFeatures.IndexOf(feature)] ??= new float[Accounts];

    /// <summary>Takes a detector's column; a column already computed by someone else is an error.</summary>
    public void Set(FeatureColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var index = AccountFeatures.IndexOf(column.Feature);
        if (column.Values.Length != Accounts)
        {
            throw new InvalidOperationException($"Feature {column.Feature.Name} has {column.Values.Length} values for {Accounts} accounts.");
        }

        if (_columns[index] is not null)
        {
            throw new InvalidOperationException($"Feature {column.Feature.Name} is computed twice.");
        }

        _columns[index] = column.Values;
    }

    public float Get(int account, FeatureDefinition feature) => Column(AccountFeatures.IndexOf(feature))[account];

    public IReadOnlyList<AccountFeatureRow> ToRows(string[] accountKeys)
    {
        var columns = new float[_columns.Length][];
        for (var f = 0; f < columns.Length; f++)
        {
            columns[f] = Column(f);
        }

        var rows = new AccountFeatureRow[Accounts];
        for (var a = 0; a < Accounts; a++)
        {
            var values = new float[columns.Length];
            for (var f = 0; f < columns.Length; f++)
            {
                values[f] = columns[f][a];
            }

            rows[a] = new AccountFeatureRow(accountKeys[a], values);
        }

        return rows;
    }

    private float[] Column(int index) =>
        _columns[index] ?? throw new InvalidOperationException($"Feature {AccountFeatures.All[index].Name} was computed by neither the feature builder nor a detector.");
}
