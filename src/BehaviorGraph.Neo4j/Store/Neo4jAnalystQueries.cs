using BehaviorGraph.Neo4j.Cypher;

namespace BehaviorGraph.Neo4j.Store;

/// <summary>
/// The analyst library of <c>cypher/analyst/</c>, by name. The same files paste into Neo4j Browser; run
/// them here with <see cref="Neo4jGraphStore.RunAnalystQueryAsync"/>.
/// </summary>
public static class Neo4jAnalystQueries
{
    public const string RingsOfAccount = "rings_of_account";
    public const string AccountsSharingDevices = "accounts_sharing_devices";
    public const string TwoHopNeighbourhood = "two_hop_neighbourhood";
    public const string TopRiskInCluster = "top_risk_in_cluster";
    public const string LockstepPartners = "lockstep_partners";

    private const string Folder = "analyst/";

    /// <summary>Every analyst query embedded from cypher/analyst/, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } =
        CypherLibrary.Statements.Keys
            .Where(k => k.StartsWith(Folder, StringComparison.Ordinal))
            .Select(k => k[Folder.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The parameters a query's header declares.</summary>
    public static IReadOnlySet<string> ParametersOf(string name) => Statement(name).Parameters;

    /// <summary>The query text, as an analyst would paste it.</summary>
    public static string TextOf(string name) => Statement(name).Text;

    internal static CypherStatement Statement(string name) =>
        name is not null && CypherLibrary.Statements.TryGetValue(Folder + name, out var statement)
            ? statement
            : throw new ArgumentException(
                $"No analyst query '{name}'; known: {string.Join(", ", Names)}.", nameof(name));
}
