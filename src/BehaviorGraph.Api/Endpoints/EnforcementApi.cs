using BehaviorGraph.Api.Contracts;
using BehaviorGraph.Api.Hosting;
using BehaviorGraph.Api.Metrics;
using BehaviorGraph.Api.Scoring;
using BehaviorGraph.Api.Security;
using BehaviorGraph.Core.Scoring;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace BehaviorGraph.Api.Endpoints;

/// <summary>Risk lookups for enforcement systems, answered from the in-memory score cache.</summary>
public static class EnforcementApi
{
    public static IEndpointRouteBuilder MapEnforcementApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1/accounts").WithTags("Enforcement").RequireAuthorization(ApiPolicies.Enforcement);
        group.MapGet("/{id}/risk", GetRisk).WithName("GetRisk").WithSummary("Score, decision, reasons and clusters of one account.");
        group.MapPost("/risk:batch", GetRiskBatch).WithName("GetRiskBatch").WithSummary("Risk of up to 1,000 accounts.")
            .DocumentsJsonBody<BatchRiskRequest>("The account keys to look up (1 to 1,000).");
        return endpoints;
    }

    internal static Results<Ok<RiskResponse>, ProblemHttpResult> GetRisk(string id, ScoreCache cache, ServiceOptions options, ServiceMetrics metrics)
    {
        var snapshot = cache.Current;
        var found = snapshot.Scores.TryGetValue(id, out var score);
        metrics.RiskLookup(found);
        if (!found)
        {
            return TypedResults.Problem(
                snapshot.Run is null ? "No scoring run has been published yet." : $"Account '{id}' is not in scoring run {snapshot.Run.RunId}.",
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown account");
        }

        return TypedResults.Ok(ToResponse(score!, snapshot, snapshot.Run?.Thresholds ?? options.Thresholds));
    }

    internal static async Task<Results<Ok<BatchRiskResponse>, ProblemHttpResult, ValidationProblem>> GetRiskBatch(
        HttpRequest http, ScoreCache cache, ServiceOptions options, ServiceMetrics metrics, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        using var body = await JsonBody.ReadAsync(http, required: true, cancellationToken);
        if (body.Unsupported is { } unsupported)
        {
            return unsupported;
        }

        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var request = body.Read<BatchRiskRequest>(json.Value.SerializerOptions, errors, "accounts");
        if (request is null || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (request.Accounts is null || request.Accounts.Count == 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["accounts"] = ["Give at least one account."] });
        }

        if (request.Accounts.Count > options.MaxBatchAccounts)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["accounts"] = [$"At most {options.MaxBatchAccounts} accounts per request; got {request.Accounts.Count}."],
            });
        }

        var snapshot = cache.Current;
        var results = new List<RiskResponse>(request.Accounts.Count);
        var missing = new List<string>();
        foreach (var account in request.Accounts.Distinct(StringComparer.Ordinal))
        {
            var found = account is not null && snapshot.Scores.TryGetValue(account, out var score) && Add(score);
            metrics.RiskLookup(found);
            if (!found)
            {
                missing.Add(account ?? "");
            }

            bool Add(AccountScore s)
            {
                results.Add(ToResponse(s, snapshot, snapshot.Run?.Thresholds ?? options.Thresholds));
                return true;
            }
        }

        return TypedResults.Ok(new BatchRiskResponse(results, missing));
    }

    private static RiskResponse ToResponse(AccountScore score, ScoreSnapshot snapshot, DecisionThresholds thresholds) => new(
        score.Account,
        score.Score,
        score.Decision.ToString().ToLowerInvariant(),
        new Thresholds(thresholds.Review, thresholds.Block),
        score.Reasons.Select(r => new Reason(r.Code, r.Value, r.Contribution, r.Text)).ToList(),
        snapshot.Clusters.TryGetValue(score.Account, out var clusters) ? clusters : [],
        score.ModelVersion,
        score.RunId,
        score.ScoredAt);
}
