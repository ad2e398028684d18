namespace BehaviorGraph.Storage.Postgres;

/// <summary>
/// Hands out one string instance per distinct type name while streaming millions of rows, so a projection
/// holds a handful of type strings rather than one per row.
/// </summary>
internal sealed class TypeNameCache
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public string Get(string name)
    {
        if (_names.TryGetValue(name, out var known))
        {
            return known;
        }

        _names[name] = name;
        return name;
    }
}
