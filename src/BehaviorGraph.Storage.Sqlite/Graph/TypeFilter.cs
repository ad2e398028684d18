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
        private const int MatchedByBytes = 32;
        private readonly List<(byte[] Utf8, string Name)> _byUtf8 = [];

        public string Intern(string name)
        {
            if (_names.TryGetValue(name, out var existing))
            {
                return existing;
            }

            _names[name] = name;
            return name;
        }

        /// <summary>
        /// The shared string for a type read as UTF-8. A platform has a handful of types, matched by their bytes without
        /// decoding; past <see cref="MatchedByBytes"/> distinct ones (a hostile log), the rest are decoded row by row.
        /// </summary>
        public string Intern(ReadOnlySpan<byte> utf8)
        {
            foreach (var (bytes, name) in _byUtf8)
            {
                if (utf8.SequenceEqual(bytes))
                {
                    return name;
                }
            }

            var interned = Intern(System.Text.Encoding.UTF8.GetString(utf8));
            if (_byUtf8.Count < MatchedByBytes)
            {
                _byUtf8.Add((utf8.ToArray(), interned));
            }

            return interned;
        }
    }
}
