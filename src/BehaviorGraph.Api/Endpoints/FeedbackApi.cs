using BehaviorGraph.Api.Contracts;
using BehaviorGraph.Api.Metrics;
using BehaviorGraph.Api.Security;
using BehaviorGraph.Core.Labels;
using BehaviorGraph.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BehaviorGraph.Api.Endpoints;

/// <summary>Analyst labels: stored with author and time in the label store, where the next training run reads them.</summary>
public static class FeedbackApi
{
    public const string LabelSource = "api";

    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1").WithTags("Feedback").RequireAuthorization(ApiPolicies.Analyst);
        group.MapPost("/labels", AddLabel).WithName("AddLabel").WithSummary("Label an account abusive or benign.");
        group.MapGet("/accounts/{id}/labels", GetLabels).WithName("GetLabels").WithSummary("Every label an account received, newest first.");
        return endpoints;
    }

    internal static async Task<Results<Created<LabelResponse>, ValidationProblem>> AddLabel(
        LabelRequest request, IBehaviorStore store, TimeProvider clock, ServiceMetrics metrics, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Account) || request.Account.Length > 256)
        {
            errors["account"] = ["Required, at most 256 characters."];
        }

        LabelKind kind = default;
        if (request.Label is null || !Enum.TryParse(request.Label, ignoreCase: true, out kind) || !Enum.IsDefined(kind) || int.TryParse(request.Label, out _))
        {
            errors["label"] = ["Must be abusive or benign."];
        }

        if (string.IsNullOrWhiteSpace(request.Analyst) || request.Analyst.Length > 128)
        {
            errors["analyst"] = ["Required, at most 128 characters."];
        }

        if (request.Note is { Length: > 2000 })
        {
            errors["note"] = ["At most 2000 characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var label = new AccountLabel(request.Account!.Trim(), kind, LabelSource, request.Analyst!.Trim(), request.Note, clock.GetUtcNow());
        await store.Labels.AddAsync([label], cancellationToken);
        metrics.LabelAdded();
        return TypedResults.Created($"/v1/accounts/{Uri.EscapeDataString(label.Account)}/labels", ToResponse(label));
    }

    internal static async Task<Ok<IReadOnlyList<LabelResponse>>> GetLabels(string id, IBehaviorStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<LabelResponse>>((await store.Labels.GetForAccountAsync(id, cancellationToken)).Select(ToResponse).ToList());

    private static LabelResponse ToResponse(AccountLabel label) =>
        new(label.Account, label.Label.ToString().ToLowerInvariant(), label.Source, label.Analyst, label.Note, label.LabelledAt);
}
