using System.Runtime.CompilerServices;
using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Neo4j.Client;
using BehaviorGraph.Neo4j.Cypher;

namespace BehaviorGraph.Neo4j.Store;

/// <summary>Keyset-paged export of nodes and relationships for the projection, scalars only.</summary>
internal sealed class Neo4jExport(Neo4jSession session) : IGraphReader
{
    public async IAsyncEnumerable<GraphNode> ReadNodesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var statement = CypherLibrary.Get("export/read_nodes");
        var after = long.MinValue;
        while (true)
        {
            var page = await session.RunAsync(
                statement,
                new Dictionary<string, object?> { ["after"] = after, ["limit"] = session.BatchSize },
                CypherAccessMode.Read,
                cancellationToken);
            foreach (var row in page.Rows)
            {
                var id = row.GetInt64("id");
                var kind = row.GetInt64OrNull("kind")
                    ?? throw new InvalidDataException(
                        $"Neo4j node with id {id} has none of the labels Account, Content, Device, IP.");
                yield return new GraphNode(id, (NodeKind)kind, row.GetString("key"), row.GetInt64("first_seen"), row.GetInt64("last_seen"));
                after = id;
            }

            if (page.Rows.Count < session.BatchSize)
            {
                yield break;
            }
        }
    }

    public async IAsyncEnumerable<GraphEdge> ReadEdgesAsync(
        IReadOnlyCollection<string>? types,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var statement = CypherLibrary.Get("export/read_edges");
        var typeFilter = types is { Count: > 0 } ? types.ToList() : null;
        (long Source, long Target, string Type) after = (long.MinValue, long.MinValue, string.Empty);
        while (true)
        {
            var page = await session.RunAsync(
                statement,
                new Dictionary<string, object?>
                {
                    ["after_source"] = after.Source,
                    ["after_target"] = after.Target,
                    ["after_type"] = after.Type,
                    ["types"] = typeFilter,
                    ["limit"] = session.BatchSize,
                },
                CypherAccessMode.Read,
                cancellationToken);
            foreach (var row in page.Rows)
            {
                var edge = new GraphEdge(
                    row.GetInt64("source"),
                    row.GetInt64("target"),
                    row.GetString("type"),
                    row.GetInt64OrNull("count") ?? 0,
                    row.GetInt64OrNull("first_seen") ?? 0,
                    row.GetInt64OrNull("last_seen") ?? 0,
                    row.GetDoubleOrNull("value_sum") ?? 0);
                yield return edge;
                after = (edge.Source, edge.Target, edge.Type);
            }

            if (page.Rows.Count < session.BatchSize)
            {
                yield break;
            }
        }
    }
}
