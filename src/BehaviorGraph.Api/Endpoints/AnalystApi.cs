using System.Text.Json;
using BehaviorGraph.Api.Contracts;
using BehaviorGraph.Api.Hosting;
using BehaviorGraph.Api.Queries;
using BehaviorGraph.Api.Reads;
using BehaviorGraph.Api.Security;
using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Queries;
using BehaviorGraph.Core.Reads;
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
        string id, IBehaviorStore store, AnalystReads reads, CancellationToken cancellationToken)
    {
        var cluster = await store.Clusters.GetAsync(id, cancellationToken);
        if (cluster is null)
        {
            return TypedResults.Problem($"The latest analysis run has no cluster '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown cluster");
        }

        var edges = await reads.ClusterEdges.GetEdgesAmongAsync(cluster.Members, MaxClusterEdges, cancellationToken);
        return TypedResults.Ok(new ClusterDetail(
            cluster.Id,
            KindName(cluster.Kind),
            cluster.Members.Count,
            cluster.Score,
            cluster.Evidence,
            cluster.Figures,
            cluster.Members,
            edges.Edges.Select(ToEdge).ToList(),
            edges.Truncated));
    }

    internal static async Task<Results<Ok<Neighborhood>, ProblemHttpResult, ValidationProblem>> GetNeighborhood(
        string id, AnalystReads reads, CancellationToken cancellationToken, int depth = 1, int limit = 200)
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

        var hood = await reads.Neighbourhoods.GetNeighbourhoodAsync(id, depth, limit, cancellationToken);
        if (hood is null)
        {
            return TypedResults.Problem($"The graph has no account '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown account");
        }

        return TypedResults.Ok(new Neighborhood(
            id,
            depth,
            hood.Nodes.Select(n => new NeighborhoodNode(n.Key, NodeKindName(n.Kind), n.Hop)).ToList(),
            hood.Edges.Select(ToEdge).ToList(),
            hood.Truncated));
    }

    internal static Ok<IReadOnlyList<NamedQuery>> ListQueries(AnalystReads reads) => TypedResults.Ok(reads.Queries.Queries);

    internal static async Task<Results<Ok<QueryResult>, ProblemHttpResult, ValidationProblem>> RunQuery(
        string name, HttpRequest request, AnalystReads reads, CancellationToken cancellationToken)
    {
        var query = reads.Queries.Queries.FirstOrDefault(q => q.Name == name);
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

        var (values, errors) = QueryArguments.Bind(query, body.Document?.RootElement);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var rows = await reads.Queries.RunAsync(query, values, cancellationToken);
        return TypedResults.Ok(new QueryResult(query.Name, rows.Count, rows));
    }

    private static Edge ToEdge(KeyedEdge edge) => new(
        edge.Source,
        edge.SourceKind is { } source ? NodeKindName(source) : "unknown",
        edge.Target,
        edge.TargetKind is { } target ? NodeKindName(target) : "unknown",
        edge.Type,
        edge.Count,
        edge.FirstMs,
        edge.LastMs);

    private static string KindName(ClusterKind kind) => kind.ToString().ToLowerInvariant();

    private static string NodeKindName(NodeKind kind) => kind.ToString().ToLowerInvariant();
}
