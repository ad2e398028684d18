using BehaviorGraph.Core.Features;

namespace BehaviorGraph.Analytics.Features;

/// <summary>Features column-major while computing (one float array per feature); rows only at the end.</summary>
internal sealed class FeatureMatrix
{
    private readonly float[][] _columns;

    public FeatureMatrix(int accounts)
    {
        Accounts = accounts;
        _columns = new float[AccountFeatures.All.Count][];
        for (var f = 0; f < _columns.Length; f++)
        {
            _columns[f] = new float[accounts];
        }
    }

    public int Accounts { get; }

    public float[] this[FeatureDefinition feature] => _columns[AccountFeatures.IndexOf(feature)];

    public float Get(int account, FeatureDefinition feature) => this[feature][account];

    public IReadOnlyList<AccountFeatureRow> ToRows(string[] accountKeys)
    {
        var rows = new AccountFeatureRow[Accounts];
        for (var a = 0; a < Accounts; a++)
        {
            var values = new float[_columns.Length];
            for (var f = 0; f < _columns.Length; f++)
            {
                values[f] = _columns[f][a];
            }

            rows[a] = new AccountFeatureRow(accountKeys[a], values);
        }

        return rows;
    }
}
