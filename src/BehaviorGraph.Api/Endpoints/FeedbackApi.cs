using System.Security.Claims;
using BehaviorGraph.Api.Contracts;
using BehaviorGraph.Api.Hosting;
using BehaviorGraph.Api.Metrics;
using BehaviorGraph.Api.Reads;
using BehaviorGraph.Api.Security;
using BehaviorGraph.Core.Events;
using BehaviorGraph.Core.Labels;
using BehaviorGraph.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace BehaviorGraph.Api.Endpoints;

/// <summary>
/// Analyst labels: stored with author and time in the label store, where the next training run reads them. The
/// author is the name of the API key that sent the label, never a field of the body; labels are for accounts the
/// graph holds.
/// </summary>
public static class FeedbackApi
{
    public const string LabelSource = "api";

    public const int MaxNoteLength = 2000;

    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1").WithTags("Feedback").RequireAuthorization(ApiPolicies.Analyst);
        group.MapPost("/labels", AddLabel).WithName("AddLabel").WithSummary("Label an account abusive or benign; the label's author is the API key's name.")
            .DocumentsJsonBody<LabelRequest>("The verdict: account, label and an optional note. The author is the API key's name; a body naming an analyst is refused.");
        group.MapGet("/accounts/{id}/labels", GetLabels).WithName("GetLabels").WithSummary("Every label an account received, newest first.");
        return endpoints;
    }

    internal static async Task<Results<Created<LabelResponse>, ProblemHttpResult, ValidationProblem>> AddLabel(
        HttpRequest request, ClaimsPrincipal user, IBehaviorStore store, AnalystReads reads, TimeProvider clock, ServiceMetrics metrics,
        IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        using var body = await JsonBody.ReadAsync(request, required: true, cancellationToken);
        if (body.Unsupported is { } unsupported)
        {
            return unsupported;
        }

        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var author = user.Identity?.Name ?? "unknown";
        if (body.Document!.RootElement is { ValueKind: System.Text.Json.JsonValueKind.Object } root && root.TryGetProperty("analyst", out _))
        {
            errors["analyst"] = [$"Not accepted: a label's author is the API key that sends it (this key is '{author}'); leave analyst out."];
        }

        var given = body.Read<LabelRequest>(json.Value.SerializerOptions, errors, "account", "label", "note", "analyst");
        var account = given?.Account?.Trim();
        if (given is not null)
        {
            if (string.IsNullOrEmpty(account))
            {
                errors["account"] = ["Required."];
            }
            else if (IdentifierRules.Violation(account, "account") is { } violation)
            {
                errors["account"] = [violation];
            }

            if (KindOf(given.Label) is null)
            {
                errors["label"] = ["Must be abusive or benign."];
            }

            if (NoteProblem(given.Note) is { } note)
            {
                errors["note"] = [note];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!await reads.Accounts.AccountExistsAsync(account!, cancellationToken))
        {
            return TypedResults.Problem(
                $"The graph has no account '{account}'; labels are for accounts that events have named.",
                statusCode: StatusCodes.Status404NotFound, title: "Unknown account");
        }

        var label = new AccountLabel(account!, KindOf(given!.Label)!.Value, LabelSource, author, given.Note, clock.GetUtcNow());
        await store.Labels.AddAsync([label], cancellationToken);
        metrics.LabelAdded();
        return TypedResults.Created($"/v1/accounts/{Uri.EscapeDataString(label.Account)}/labels", ToResponse(label));
    }

    internal static async Task<Results<Ok<IReadOnlyList<LabelResponse>>, ProblemHttpResult>> GetLabels(
        string id, IBehaviorStore store, AnalystReads reads, CancellationToken cancellationToken)
    {
        var labels = await store.Labels.GetForAccountAsync(id, cancellationToken);
        if (labels.Count == 0 && !await reads.Accounts.AccountExistsAsync(id, cancellationToken))
        {
            return TypedResults.Problem(
                $"The graph has no account '{id}' and no label names it.", statusCode: StatusCodes.Status404NotFound, title: "Unknown account");
        }

        return TypedResults.Ok<IReadOnlyList<LabelResponse>>(labels.Select(ToResponse).ToList());
    }

    /// <summary>Null when the note is acceptable: at most <see cref="MaxNoteLength"/> characters, no control or bidi-override characters.</summary>
    internal static string? NoteProblem(string? note)
    {
        if (note is null)
        {
            return null;
        }

        if (note.Length > MaxNoteLength)
        {
            return $"At most {MaxNoteLength} characters; got {note.Length}.";
        }

        for (var i = 0; i < note.Length; i++)
        {
            var c = note[i];
            if (char.IsControl(c) || IsBidiControl(c))
            {
                return $"Contains {(char.IsControl(c) ? "control" : "bidi control")} character U+{(int)c:X4} at position {i + 1}; notes are one line of plain text.";
            }
        }

        return null;
    }

    private static LabelKind? KindOf(string? label) => label?.Trim().ToLowerInvariant() switch
    {
        "abusive" => LabelKind.Abusive,
        "benign" => LabelKind.Benign,
        _ => null,
    };

    private static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static LabelResponse ToResponse(AccountLabel label) =>
        new(label.Account, label.Label.ToString().ToLowerInvariant(), label.Source, label.Analyst, label.Note, label.LabelledAt);
}
