using BehaviorGraph.Api.AnalystConsole.Contracts;
using BehaviorGraph.Api.Contracts;
using BehaviorGraph.Api.Scoring;
using BehaviorGraph.Api.Security;
using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Investigation;
using BehaviorGraph.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BehaviorGraph.Api.AnalystConsole;

/// <summary>
/// The reads the console needs that the other analyst endpoints do not give — the review queue, a cluster's members
/// with their scores and labels, the devices and IPs they share, their activity over time, and the edges around any
/// node by type — composed from the score cache, the cluster and label stores and the store's
/// <see cref="IInvestigationReader"/> ability. Plain analyst endpoints: API clients may use them with their key.
/// </summary>
public static class ConsoleApi
{
    public const int MaxMembersRead = 5000;
    public const int MaxActionsRead = 200_000;
    public const int MaxIdentifiers = 500;

    public static IEndpointRouteBuilder MapConsoleApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1").WithTags("Console").RequireAuthorization(ApiPolicies.Analyst);
        group.MapGet("/review-queue", GetReviewQueue).WithName("GetReviewQueue")
            .WithSummary("Accounts awaiting a verdict: the latest run's review decisions no label has judged since, then the highest unlabelled scores.");
        group.MapGet("/clusters/{id}/members", GetClusterMembers).WithName("GetClusterMembers")
            .WithSummary("A cluster's members with their score, decision and latest label.");
        group.MapGet("/clusters/{id}/identifiers", GetClusterIdentifiers).WithName("GetClusterIdentifiers")
            .WithSummary("The devices and IPs several members of a cluster share, with how many accounts use each.");
        group.MapGet("/clusters/{id}/activity", GetClusterActivity).WithName("GetClusterActivity")
            .WithSummary("A cluster's signups, actions and co-actions over time, in equal buckets.");
        group.MapGet("/nodes/{kind}/{key}/edges", GetNodeEdges).WithName("GetNodeEdges")
            .WithSummary("The heaviest edges around one account, content item, device or IP, at most perType of each type and direction.");
        return endpoints;
    }

    internal static async Task<Results<Ok<ReviewQueue>, ValidationProblem>> GetReviewQueue(
        IBehaviorStore store, ScoreCache cache, CancellationToken cancellationToken, string? kind = null, int limit = 200)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var parsed = ParseClusterKind(kind, errors);
        if (limit is < 1 or > 1000)
        {
            errors["limit"] = ["Must be from 1 to 1000."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var labels = await store.Labels.GetLatestAsync(cancellationToken);
        return TypedResults.Ok(ReviewQueueBuilder.Build(cache.Current, labels, parsed, limit));
    }

    internal static async Task<Results<Ok<IReadOnlyList<ClusterMember>>, ProblemHttpResult>> GetClusterMembers(
        string id, IBehaviorStore store, ScoreCache cache, CancellationToken cancellationToken)
    {
        var cluster = await store.Clusters.GetAsync(id, cancellationToken);
        if (cluster is null)
        {
            return UnknownCluster(id);
        }

        var labels = (await store.Labels.GetLatestAsync(cancellationToken)).ToDictionary(l => l.Account, StringComparer.Ordinal);
        var scores = cache.Current.Scores;
        return TypedResults.Ok<IReadOnlyList<ClusterMember>>(cluster.Members.Select(m =>
        {
            var score = scores.GetValueOrDefault(m);
            var label = labels.GetValueOrDefault(m);
            return new ClusterMember(m, score?.Score, score?.Decision.ToString().ToLowerInvariant(), label?.Label.ToString().ToLowerInvariant(), label?.LabelledAt, label?.Analyst ?? label?.Source);
        }).ToList());
    }

    internal static async Task<Results<Ok<ClusterIdentifiers>, ProblemHttpResult, ValidationProblem>> GetClusterIdentifiers(
        string id, IBehaviorStore store, CancellationToken cancellationToken, int minMembers = 2)
    {
        if (minMembers is < 1 or > 1000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["minMembers"] = ["Must be from 1 to 1000."] });
        }

        if (store.GetAbility<IInvestigationReader>() is not { } reader)
        {
            return NotSupported(store);
        }

        var cluster = await store.Clusters.GetAsync(id, cancellationToken);
        if (cluster is null)
        {
            return UnknownCluster(id);
        }

        var uses = await reader.ReadIdentifierUsesAsync(cluster.Members.Take(MaxMembersRead).ToList(), cancellationToken);
        var shared = uses
            .GroupBy(u => (u.Kind, u.Identifier))
            .Select(g => new SharedIdentifier(
                KindName(g.Key.Kind),
                g.Key.Identifier,
                g.Select(u => u.Account).Distinct(StringComparer.Ordinal).Count(),
                g.Max(u => u.AccountsUsing),
                g.OrderBy(u => u.Account, StringComparer.Ordinal).Select(u => new IdentifierMember(u.Account, u.Count, u.FirstMs, u.LastMs)).ToList()))
            .Where(s => s.MembersUsing >= minMembers)
            .OrderByDescending(s => s.MembersUsing).ThenBy(s => s.Kind, StringComparer.Ordinal).ThenBy(s => s.Identifier, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new ClusterIdentifiers(
            cluster.Id,
            minMembers,
            shared.Count(s => s.Kind == "device"),
            shared.Count(s => s.Kind == "ip"),
            shared.Take(MaxIdentifiers).ToList(),
            shared.Count > MaxIdentifiers));
    }

    internal static async Task<Results<Ok<ActivityTimeline>, ProblemHttpResult, ValidationProblem>> GetClusterActivity(
        string id, IBehaviorStore store, CancellationToken cancellationToken, int buckets = 120)
    {
        if (buckets is < 1 or > 1000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["buckets"] = ["Must be from 1 to 1000."] });
        }

        if (store.GetAbility<IInvestigationReader>() is not { } reader)
        {
            return NotSupported(store);
        }

        var cluster = await store.Clusters.GetAsync(id, cancellationToken);
        if (cluster is null)
        {
            return UnknownCluster(id);
        }

        var activity = await reader.ReadActivityAsync(cluster.Members.Take(MaxMembersRead).ToList(), MaxActionsRead, cancellationToken);
        return TypedResults.Ok(ClusterTimeline.Build(cluster.Id, activity, buckets));
    }

    internal static async Task<Results<Ok<NodeEdgesResponse>, ProblemHttpResult, ValidationProblem>> GetNodeEdges(
        string kind, string key, IBehaviorStore store, CancellationToken cancellationToken, string? types = null, int perType = 25)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        NodeKind? nodeKind = kind switch
        {
            "account" => NodeKind.Account,
            "content" => NodeKind.Content,
            "device" => NodeKind.Device,
            "ip" => NodeKind.Ip,
            _ => null,
        };
        if (nodeKind is null)
        {
            errors["kind"] = [$"Must be account, content, device or ip; got '{Shown(kind)}'."];
        }

        if (perType is < 1 or > 500)
        {
            errors["perType"] = ["Must be from 1 to 500."];
        }

        var typeList = (types ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (typeList.Length > 20 || typeList.Any(t => t.Length > 64 || !t.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')))
        {
            errors["types"] = ["A comma-separated list of at most 20 edge types (letters, digits, '_', '-', '.'), e.g. follow,uses_device."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (store.GetAbility<IInvestigationReader>() is not { } reader)
        {
            return NotSupported(store);
        }

        var edges = await reader.ReadNodeEdgesAsync(nodeKind!.Value, key, typeList.Length > 0 ? typeList : null, perType, cancellationToken);
        if (edges is null)
        {
            return TypedResults.Problem($"The graph has no {kind} '{key}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown node");
        }

        var shown = edges.Edges
            .GroupBy(e => (e.Type, Outgoing: e.SourceKind == edges.Kind && e.Source == edges.Key))
            .ToDictionary(g => g.Key, g => g.Count());
        return TypedResults.Ok(new NodeEdgesResponse(
            KindName(edges.Kind),
            edges.Key,
            edges.Edges.Select(e => new Edge(e.Source, KindName(e.SourceKind), e.Target, KindName(e.TargetKind), e.Type, e.Count, e.FirstMs, e.LastMs)).ToList(),
            edges.Counts.Select(c => new EdgeTypeTotal(c.Type, c.Outgoing ? "out" : "in", c.Edges, shown.GetValueOrDefault((c.Type, c.Outgoing)))).ToList()));
    }

    private static ClusterKind? ParseClusterKind(string? kind, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(kind))
        {
            return null;
        }

        if (Enum.TryParse<ClusterKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(kind, out _))
        {
            return parsed;
        }

        errors["kind"] = [$"Must be identity, ring, bot or block; got '{Shown(kind)}'."];
        return null;
    }

    private static string Shown(string value) => value.Length > 40 ? value[..40] + "…" : value;

    private static ProblemHttpResult UnknownCluster(string id) =>
        TypedResults.Problem($"The latest analysis run has no cluster '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown cluster");

    private static ProblemHttpResult NotSupported(IBehaviorStore store) =>
        TypedResults.Problem(
            $"The store {store.Description} cannot read shared identifiers, activity or node edges (it has no investigation reader).",
            statusCode: StatusCodes.Status501NotImplemented, title: "Not supported by this store");

    private static string KindName(NodeKind kind) => kind.ToString().ToLowerInvariant();
}
