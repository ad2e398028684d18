using System.Globalization;
using System.Text.Json;
using BehaviorGraph.Api.Contracts;
using BehaviorGraph.Api.Hosting;
using BehaviorGraph.Api.Metrics;
using BehaviorGraph.Api.Scoring;
using BehaviorGraph.Api.Security;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Ingest;
using BehaviorGraph.Ingest.Readers;
using BehaviorGraph.Jobs;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace BehaviorGraph.Api.Endpoints;

/// <summary>Operations: health, metrics, job triggers and state, the Hangfire dashboard, and event ingest over HTTP.</summary>
public static class OpsApi
{
    public static IEndpointRouteBuilder MapOpsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", GetHealth).WithTags("Ops").AllowAnonymous().DisableRateLimiting().WithSummary("Liveness; open to everyone.");
        var admin = endpoints.MapGroup("").WithTags("Ops").RequireAuthorization(ApiPolicies.Admin);
        admin.MapGet("/metrics", GetMetrics).WithSummary("Counters in the Prometheus text format.");
        admin.MapPost("/v1/jobs/{name}/trigger", TriggerJob).WithName("TriggerJob").WithSummary("Enqueue a job now.")
            .DocumentsJsonBody<JobTriggerRequest>("Optional arguments (name → string value), checked like the schedule file's.", required: false);
        admin.MapGet("/v1/jobs/runs/{jobId}", GetJobRun).WithName("GetJobRun").WithSummary("A job's state and result.");
        admin.MapPost("/v1/events", PostEvents).WithName("PostEvents")
            .WithSummary("Ingest a JSON array or JSON Lines body (≤ 10 MB) with the same validation and quarantine as file ingest.")
            .DocumentsBody(
                "Events as a JSON array, or as JSON Lines (one event object per line; also application/jsonl, application/x-jsonlines).",
                true,
                ("application/json", typeof(IReadOnlyList<EventRecord>)),
                ("application/x-ndjson", typeof(string)));
        admin.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [], DisplayStorageConnectionString = false, DashboardTitle = "BehaviorGraph jobs" });
        return endpoints;
    }

    internal static async Task<Results<Ok<Health>, ProblemHttpResult>> GetHealth(IBehaviorStore store, ScoreCache cache, CancellationToken cancellationToken)
    {
        try
        {
            await store.Scores.GetLatestRunAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return TypedResults.Problem("The store does not answer.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Unhealthy");
        }

        return TypedResults.Ok(new Health("healthy", cache.Current.Run?.RunId));
    }

    internal static ContentHttpResult GetMetrics(ServiceMetrics metrics) =>
        TypedResults.Text(metrics.Render(), "text/plain; version=0.0.4; charset=utf-8");

    internal static async Task<Results<Accepted<JobTriggered>, ProblemHttpResult, ValidationProblem>> TriggerJob(
        string name, HttpRequest http, JobTrigger trigger, ServiceMetrics metrics, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (!JobCatalog.IsKnown(name))
        {
            return TypedResults.Problem(
                $"No job '{name}'; jobs are {string.Join(", ", JobNames.All)}.", statusCode: StatusCodes.Status404NotFound, title: "Unknown job");
        }

        using var body = await JsonBody.ReadAsync(http, required: false, cancellationToken);
        if (body.Unsupported is { } unsupported)
        {
            return unsupported;
        }

        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var request = body.Document is null ? null : body.Read<JobTriggerRequest>(json.Value.SerializerOptions, errors, "arguments");
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        string jobId;
        try
        {
            jobId = trigger.Trigger(name, request?.Arguments);
        }
        catch (JobArgumentException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["arguments"] = [ex.Message] });
        }

        metrics.JobTriggered();
        return TypedResults.Accepted($"/v1/jobs/runs/{jobId}", new JobTriggered(name, jobId, trigger.QueueOf(name)));
    }

    internal static Results<Ok<JobRun>, ProblemHttpResult> GetJobRun(string jobId, JobStorage storage, TimeProvider clock)
    {
        // Both job storages number their jobs; anything else names no job (and would make the storage throw).
        var unknown = TypedResults.Problem($"No job '{jobId}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown job run");
        if (!long.TryParse(jobId, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return unknown;
        }

        using var connection = storage.GetConnection();
        JobData? job;
        try
        {
            job = connection.GetJobData(jobId);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            return unknown;
        }

        if (job is null)
        {
            return unknown;
        }

        var state = connection.GetStateData(jobId);
        string? result = null;
        if (state?.Data is { } data && data.TryGetValue("Result", out var raw) && raw is not null)
        {
            result = ResultText(raw);
        }

        var name = job.State ?? state?.Name ?? "Unknown";
        var reason = name == "Processing" && state?.Data is { } processing && processing.TryGetValue("ServerId", out var server) && server is not null
            ? JobServers.DescribeProcessingOn(storage, server, clock.GetUtcNow())
            : state?.Reason;
        return TypedResults.Ok(new JobRun(jobId, name, reason, result));
    }

    /// <summary>The job's result as stored: a JSON string (what every job here returns) unquoted, anything else as is.</summary>
    private static string ResultText(string raw)
    {
        try
        {
            return JsonSerializer.Deserialize<string>(raw) ?? raw;
        }
        catch (JsonException)
        {
            return raw;
        }
    }

    internal static async Task<Results<Ok<EventsResponse>, ProblemHttpResult, ValidationProblem>> PostEvents(
        HttpRequest request, IBehaviorStore store, ServiceOptions options, ServiceMetrics metrics, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not ("application/json" or "application/x-ndjson" or "application/jsonl" or "application/x-jsonlines" or "application/jsonlines"))
        {
            return TypedResults.Problem(
                "Send a JSON array (Content-Type: application/json) or JSON Lines (application/x-ndjson).",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        }

        if (request.ContentLength > options.MaxEventsBodyBytes)
        {
            return TooLarge(options);
        }

        var body = await ReadBodyAsync(request, options.MaxEventsBodyBytes, cancellationToken);
        if (body is null)
        {
            return TooLarge(options);
        }

        // A UTF-8 byte-order mark is accepted, as in files; everything after it is read as the files' readers read it.
        ReadOnlyMemory<byte> content = body.AsMemory(body.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0);
        if (mediaType == "application/json" && JsonEventArray.IsArray(content.Span))
        {
            if (!JsonEventArray.TryToJsonLines(content.Span, out var lines, out var error))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = [$"The JSON array is malformed, so its items cannot be told apart: {error}"] });
            }

            content = lines;
        }

        var name = $"http:{request.HttpContext.User.Identity?.Name ?? "unknown"}";
        IngestReport report;
        try
        {
            report = await new EventIngestor(store.Ingest).IngestContentAsync(name, content.ToArray(), EventFormat.JsonLines, IngestOptions.Default, cancellationToken);
        }
        catch (IngestInputException ex)
        {
            // Only a body that is not UTF-8 as a whole (a UTF-16 byte-order mark) gets here: rows never do.
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = [ex.Message] });
        }
        catch (IngestStoreException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "The store is unavailable");
        }

        metrics.EventsIngested(report.Ingested, report.Quarantined);
        return TypedResults.Ok(new EventsResponse(
            report.Source, report.ContentHash, report.Read, report.Ingested, report.Duplicates, report.Quarantined, report.QuarantinedByReason, report.AlreadyComplete));
    }

    private static ProblemHttpResult TooLarge(ServiceOptions options) => TypedResults.Problem(
        $"The body exceeds {options.MaxEventsBodyBytes / (1024 * 1024)} MB; split it.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large");

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)Math.Min(length, limit) : 64 * 1024);
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
