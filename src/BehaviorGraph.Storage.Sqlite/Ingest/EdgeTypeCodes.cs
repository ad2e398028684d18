namespace BehaviorGraph.Storage.Sqlite.Ingest;

/// <summary>Small integer codes for edge-type names, so batch aggregation hashes integers rather than strings.</summary>
internal sealed class EdgeTypeCodes
{
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    public int CodeOf(string type)
    {
        if (!_codes.TryGetValue(type, out var code))
        {
            code = _names.Count;
            _codes[type] = code;
            _names.Add(type);
        }

        return code;
    }

    public string NameOf(int code) => _names[code];
}
