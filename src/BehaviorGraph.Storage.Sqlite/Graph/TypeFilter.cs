namespace BehaviorGraph.Storage.Sqlite.Graph;

/// <summary>How the streaming readers pass a type filter and share type strings.</summary>
internal static class TypeFilter
{
    /// <summary>The requested types as one JSON array parameter (DBNull for all types), so the SQL text never varies.</summary>
    public static object Json(IReadOnlyCollection<string>? types) =>
        types is null || types.Count == 0 ? DBNull.Value : System.Text.Json.JsonSerializer.Serialize(types);

    /// <summary>Hands out one string instance per distinct type so millions of rows share a handful of strings.</summary>
    public sealed class Names
    {
        private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

        public string Intern(string name)
        {
            if (_names.TryGetValue(name, out var existing))
            {
                return existing;
            }

            _names[name] = name;
            return name;
        }
    }
}
