using System.Reflection;

namespace BehaviorGraph.Neo4j.Cypher;

/// <summary>
/// The statements of <c>cypher/</c>, embedded in this assembly at build time and looked up by name.
/// Nothing runs Cypher that is not one of these files.
/// </summary>
internal static class CypherLibrary
{
    private const string ResourcePrefix = "cypher/";
    private const string Extension = ".cypher";

    private static readonly Lazy<IReadOnlyDictionary<string, CypherStatement>> All = new(Load);

    public static IReadOnlyDictionary<string, CypherStatement> Statements => All.Value;

    public static CypherStatement Get(string name) =>
        All.Value.TryGetValue(name, out var statement)
            ? statement
            : throw new InvalidOperationException(
                $"No Cypher statement '{name}' is embedded; statements come from cypher/{name}{Extension}.");

    private static Dictionary<string, CypherStatement> Load()
    {
        var assembly = typeof(CypherLibrary).Assembly;
        var statements = new Dictionary<string, CypherStatement>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var normalized = resource.Replace('\\', '/');
            if (!normalized.StartsWith(ResourcePrefix, StringComparison.Ordinal)
                || !normalized.EndsWith(Extension, StringComparison.Ordinal))
            {
                continue;
            }

            var name = normalized[ResourcePrefix.Length..^Extension.Length];
            statements[name] = CypherStatement.Parse(name, Read(assembly, resource));
        }

        return statements;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource '{resource}' cannot be opened.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
