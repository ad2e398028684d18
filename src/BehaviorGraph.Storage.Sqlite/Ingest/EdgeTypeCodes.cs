namespace BehaviorGraph.Storage.Sqlite.Ingest;

/// <summary>
/// Small integer codes for edge-type names, so batch aggregation hashes integers rather than strings. Not
/// thread-safe: the batch preparer uses it under the node directory's gate.
/// </summary>
internal sealed class EdgeTypeCodes
{
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly List<byte[]> _names = [];

    private string? _lastType;
    private int _lastCode;

    public int CodeOf(string type)
    {
        // Rows share the interned type strings, so consecutive rows usually hit this reference check.
        if (ReferenceEquals(type, _lastType))
        {
            return _lastCode;
        }

        if (!_codes.TryGetValue(type, out var code))
        {
            code = _names.Count;
            _codes[type] = code;
            _names.Add(System.Text.Encoding.UTF8.GetBytes(type));
        }

        _lastType = type;
        _lastCode = code;
        return code;
    }

    /// <summary>The names by code in UTF-8, as known now; codes never change, so an older copy stays right for its codes.</summary>
    public byte[][] Utf8Names() => [.. _names];
}
