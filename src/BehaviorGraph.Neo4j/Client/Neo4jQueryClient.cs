using System.Net.Http.Headers;
using System.Text;
using Polly;
using Polly.Retry;

namespace BehaviorGraph.Neo4j.Client;

/// <summary>
/// <see cref="ICypherRunner"/> over Neo4j's HTTP Query API (<c>POST /db/{database}/query/v2</c>, plain JSON,
/// one auto-commit transaction per statement). Retries only answers carrying a <c>Neo.TransientError.*</c>
/// code, with exponential backoff and jitter; everything else surfaces at once as <see cref="Neo4jException"/>.
/// </summary>
internal sealed class Neo4jQueryClient : ICypherRunner
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");
    private static readonly MediaTypeWithQualityHeaderValue JsonAccept = new("application/json");

    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly ResiliencePipeline _pipeline;

    public Neo4jQueryClient(HttpClient http, Neo4jOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _http = http;
        _timeout = options.Timeout;
        var baseUri = options.Uri!.AbsoluteUri.EndsWith('/') ? options.Uri : new Uri(options.Uri.AbsoluteUri + "/");
        Endpoint = new Uri(baseUri, $"db/{Uri.EscapeDataString(options.Database)}/query/v2");
        _authorization = !string.IsNullOrEmpty(options.BearerToken)
            ? new AuthenticationHeaderValue("Bearer", options.BearerToken)
            : options.User is not null
                ? new AuthenticationHeaderValue(
                    "Basic",
                    Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password}")))
                : null;
        _pipeline = options.MaxRetryAttempts == 0
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder()
                .AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<Neo4jException>(e => e.IsTransient),
                    MaxRetryAttempts = options.MaxRetryAttempts,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryDelay,
                    MaxDelay = TimeSpan.FromSeconds(30),
                })
                .Build();
    }

    /// <summary>The Query API address requests go to (no credentials in it).</summary>
    public Uri Endpoint { get; }

    public async Task<CypherResult> RunAsync(CypherQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var body = CypherJson.WriteRequest(query);
        return await _pipeline.ExecuteAsync(
            static async (state, token) => await state.Client.SendOnceAsync(state.Body, token),
            (Client: this, Body: body),
            cancellationToken);
    }

    private async ValueTask<CypherResult> SendOnceAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = JsonContentType;
        request.Headers.Accept.Add(JsonAccept);
        request.Headers.Authorization = _authorization;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var answer = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            return CypherJson.ReadResponse(response.StatusCode, answer);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Neo4j at {Endpoint} did not answer within {_timeout.TotalSeconds:0.###} s " +
                $"(raise {Neo4jOptions.SectionName}:Timeout for long statements).");
        }
    }
}
