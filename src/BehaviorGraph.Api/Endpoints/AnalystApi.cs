using System.Text.Json;
using BehaviorGraph.Api.Contracts;
using BehaviorGraph.Api.Hosting;
using BehaviorGraph.Api.Queries;
using BehaviorGraph.Api.Relational;
using BehaviorGraph.Api.Security;
using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BehaviorGraph.Api.Endpoints;

/// <summary>Clusters, account neighbourhoods and named read-only queries for analysts.</summary>
public static class AnalystApi
{
    private const int MaxClusterEdges = 5000;

    public static IEndpointRouteBuilder MapAnalystApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1").WithTags("Analyst").RequireAuthorization(ApiPolicies.Analyst);
        group.MapGet("/clusters", ListClusters).WithName("ListClusters").WithSummary("Clusters of the latest analysis run, highest score first.");
        group.MapGet("/clusters/{id}", GetCluster).WithName("GetCluster").WithSummary("A cluster's members, the edges among them and its evidence.");
        group.MapGet("/accounts/{id}/neighborhood", GetNeighborhood).WithName("GetNeighborhood").WithSummary("Nodes and edges within 1 or 2 hops of an account.");
        group.MapGet("/queries", ListQueries).WithName("ListQueries").WithSummary("The named read-only queries and their parameters.");
        group.MapPost("/queries/{name}", RunQuery).WithName("RunQuery").WithSummary("Run a named query with typed parameters.")
            .DocumentsJsonBody<Dictionary<string, JsonElement>>(
                "The query's parameters as a JSON object of name → value (integers or strings as GET /v1/queries lists them); optional when every parameter has a default.",
                required: false);
        return endpoints;
    }

    internal static async Task<Results<Ok<IReadOnlyList<ClusterItem>>, ValidationProblem>> ListClusters(
        IBehaviorStore store, CancellationToken cancellationToken, string? kind = null, int minSize = 2, int limit = 100)
    {
        var errors = new Dictionary<string, string[]>();
        ClusterKind? parsed = null;
        if (!string.IsNullOrEmpty(kind))
        {
            if (Enum.TryParse<ClusterKind>(kind, ignoreCase: true, out var k) && Enum.IsDefined(k) && !int.TryParse(kind, out _))
            {
                parsed = k;
            }
            else
            {
                errors["kind"] = [$"Must be identity, ring or bot; got '{kind}'."];
            }
        }

        if (minSize < 1)
        {
            errors["minSize"] = ["Must be at least 1."];
        }

        if (limit is < 1 or > 1000)
        {
            errors["limit"] = ["Must be from 1 to 1000."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var clusters = await store.Clusters.ListAsync(parsed, minSize, limit, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ClusterItem>>(
            clusters.Select(c => new ClusterItem(c.Id, KindName(c.Kind), c.Members.Count, c.Score, c.Evidence)).ToList());
    }

    internal static async Task<Results<Ok<ClusterDetail>, ProblemHttpResult>> GetCluster(
        string id, IBehaviorStore store, GraphQueries graph, CancellationToken cancellationToken)
    {
        var cluster = await store.Clusters.GetAsync(id, cancellationToken);
        if (cluster is null)
        {
            return TypedResults.Problem($"The latest analysis run has no cluster '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown cluster");
        }

        var nodes = await graph.NodesByKeyAsync(NodeKind.Account, cluster.Members, cancellationToken);
        var byId = nodes.ToDictionary(n => n.Id);
        var edges = await graph.EdgesAmongAsync(byId.Keys, MaxClusterEdges + 1, cancellationToken);
        return TypedResults.Ok(new ClusterDetail(
            cluster.Id,
            KindName(cluster.Kind),
            cluster.Members.Count,
            cluster.Score,
            cluster.Evidence,
            cluster.Figures,
            cluster.Members,
            edges.Take(MaxClusterEdges).Select(e => ToEdge(e, byId)).ToList(),
            edges.Count > MaxClusterEdges));
    }

    internal static async Task<Results<Ok<Neighborhood>, ProblemHttpResult, ValidationProblem>> GetNeighborhood(
        string id, GraphQueries graph, CancellationToken cancellationToken, int depth = 1, int limit = 200)
    {
        var errors = new Dictionary<string, string[]>();
        if (depth is < 1 or > 2)
        {
            errors["depth"] = ["Must be 1 or 2."];
        }

        if (limit is < 1 or > 5000)
        {
            errors["limit"] = ["Must be from 1 to 5000."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var start = (await graph.NodesByKeyAsync(NodeKind.Account, [id], cancellationToken)).SingleOrDefault();
        if (start is null)
        {
            return TypedResults.Problem($"The graph has no account '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown account");
        }

        var hops = new Dictionary<long, int> { [start.Id] = 0 };
        var edges = new List<EdgeRow>();
        var seen = new HashSet<(long, long, string)>();
        var frontier = new List<long> { start.Id };
        var truncated = false;
        for (var hop = 1; hop <= depth && frontier.Count > 0; hop++)
        {
            var found = await graph.EdgesTouchingAsync(frontier, limit - edges.Count + 1, cancellationToken);
            var next = new List<long>();
            foreach (var edge in found)
            {
                if (edges.Count == limit)
                {
                    truncated = true;
                    break;
                }

                if (!seen.Add((edge.Src, edge.Dst, edge.Type)))
                {
                    continue;
                }

                edges.Add(edge);
                foreach (var end in (ReadOnlySpan<long>)[edge.Src, edge.Dst])
                {
                    if (hops.TryAdd(end, hop))
                    {
                        next.Add(end);
                    }
                }
            }

            frontier = next;
        }

        var nodes = (await graph.NodesByIdAsync(hops.Keys, cancellationToken)).ToDictionary(n => n.Id);
        return TypedResults.Ok(new Neighborhood(
            id,
            depth,
            hops.OrderBy(h => h.Value).ThenBy(h => h.Key).Select(h => new NeighborhoodNode(nodes[h.Key].Key, NodeKindName(nodes[h.Key].Kind), h.Value)).ToList(),
            edges.Select(e => ToEdge(e, nodes)).ToList(),
            truncated));
    }

    internal static Ok<IReadOnlyList<NamedQuery>> ListQueries() => TypedResults.Ok(QueryCatalog.All);

    internal static async Task<Results<Ok<QueryResult>, ProblemHttpResult, ValidationProblem>> RunQuery(
        string name, HttpRequest request, ReadOnlyDatabase database, CancellationToken cancellationToken)
    {
        var query = QueryCatalog.Find(name);
        if (query is null)
        {
            return TypedResults.Problem(
                $"No query '{name}'; GET /v1/queries lists them.", statusCode: StatusCodes.Status404NotFound, title: "Unknown query");
        }

        using var body = await JsonBody.ReadAsync(request, required: false, cancellationToken);
        if (body.Unsupported is { } unsupported)
        {
            return unsupported;
        }

        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        var (values, errors) = QueryCatalog.Bind(query, body.Document?.RootElement);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var rows = await database.QueryAsync<dynamic>(query.Sql, new Dapper.DynamicParameters(values), cancellationToken);
        var result = rows.Select(r => (IDictionary<string, object>)r).ToList();
        return TypedResults.Ok(new QueryResult(query.Name, result.Count, result));
    }

    private static Edge ToEdge(EdgeRow edge, IReadOnlyDictionary<long, NodeRow> nodes)
    {
        var source = nodes.GetValueOrDefault(edge.Src);
        var target = nodes.GetValueOrDefault(edge.Dst);
        return new Edge(
            source?.Key ?? edge.Src.ToString(System.Globalization.CultureInfo.InvariantCulture),
            source is null ? "unknown" : NodeKindName(source.Kind),
            target?.Key ?? edge.Dst.ToString(System.Globalization.CultureInfo.InvariantCulture),
            target is null ? "unknown" : NodeKindName(target.Kind),
            edge.Type,
            edge.Count,
            edge.FirstTs,
            edge.LastTs);
    }

    private static string KindName(ClusterKind kind) => kind.ToString().ToLowerInvariant();

    private static string NodeKindName(long kind) => ((NodeKind)kind).ToString().ToLowerInvariant();
}
