using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BehaviorGraph.Api.Tests.Support;
using Xunit.Abstractions;

namespace BehaviorGraph.Api.Tests.Endpoints;

/// <summary>
/// Every documented operation of the served OpenAPI document, fed malformed bodies and path values: the answer is a
/// 4xx (or a success where the input happens to be acceptable), never a 5xx. <c>POST /v1/events</c> bodies are the
/// ingest reader's and tested with it; its path and media type are covered here.
/// </summary>
[Collection(ServiceCollection.Name)]
public sealed class NoServerErrorTests(ServiceFixture service, ITestOutputHelper output)
{
    /// <summary>Where each templated operation is sent (path values that name something that exists).</summary>
    private static readonly Dictionary<string, string> Concrete = new(StringComparer.Ordinal)
    {
        ["/v1/queries/{name}"] = "/v1/queries/accounts-sharing-device",
        ["/v1/jobs/{name}/trigger"] = "/v1/jobs/score/trigger",
        ["/v1/accounts/{id}/risk"] = "/v1/accounts/{0}/risk",
        ["/v1/clusters/{id}"] = "/v1/clusters/{0}",
        ["/v1/accounts/{id}/neighborhood"] = "/v1/accounts/{0}/neighborhood",
        ["/v1/accounts/{id}/labels"] = "/v1/accounts/{0}/labels",
        ["/v1/jobs/runs/{jobId}"] = "/v1/jobs/runs/{0}",
        ["/v1/clusters/{id}/members"] = "/v1/clusters/{0}/members",
        ["/v1/clusters/{id}/identifiers"] = "/v1/clusters/{0}/identifiers",
        ["/v1/clusters/{id}/activity"] = "/v1/clusters/{0}/activity",
        ["/v1/nodes/{kind}/{key}/edges"] = "/v1/nodes/account/{0}/edges",
    };

    private static readonly byte[][] Bodies =
    [
        [],
        "{"u8.ToArray(),
        "}"u8.ToArray(),
        "[]"u8.ToArray(),
        "null"u8.ToArray(),
        "123"u8.ToArray(),
        "\"x\""u8.ToArray(),
        "{\"a\":1,\"a\":1}"u8.ToArray(),
        "{\"account\":\"a1\",\"account\":\"a1\"}"u8.ToArray(),
        "{\"\\ud800\":1}"u8.ToArray(),
        "{\"account\":\"\\udfff\"}"u8.ToArray(),
        "{\"accounts\":[\"\\ud800\"]}"u8.ToArray(),
        "{\"arguments\":{\"reasons\":\"\\ud800\"}}"u8.ToArray(),
        "{\"arguments\":{\"\\ud800\":\"1\"}}"u8.ToArray(),
        Encoding.ASCII.GetBytes(new string('[', 5000)),
        Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 2000))),
        "1e99999"u8.ToArray(),
        "{\"limit\":1e400}"u8.ToArray(),
        "{\"limit\":-1}"u8.ToArray(),
        "{\"limit\":99999999999999999999}"u8.ToArray(),
        "{\"accounts\":[null]}"u8.ToArray(),
        "{\"accounts\":\"a1\"}"u8.ToArray(),
        "{\"accounts\":[1,2]}"u8.ToArray(),
        "{\"accounts\":{}}"u8.ToArray(),
        "{\"account\":{\"$ne\":1}}"u8.ToArray(),
        "{\"account\":[\"a1\"],\"label\":true}"u8.ToArray(),
        "{\"arguments\":{\"folds\":{}}}"u8.ToArray(),
        "{\"arguments\":[]}"u8.ToArray(),
        "{\"arguments\":{\"reasons\":null}}"u8.ToArray(),
        [0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}'],
        [(byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xFF, 0xFE, (byte)'"', (byte)'}'],
        [(byte)'{', (byte)'"', (byte)'a', (byte)'c', (byte)'c', (byte)'o', (byte)'u', (byte)'n', (byte)'t', (byte)'"', (byte)':', (byte)'"', 0xC0, 0xAF, (byte)'"', (byte)'}'],
        [0, 0, 0, 0],
        "{\"account\":\"a1\"} trailing"u8.ToArray(),
        "{\"account\":\"a1\"}\n{\"account\":\"a2\"}"u8.ToArray(),
    ];

    private static readonly string[] PathValues =
    [
        "%00", "%1B%5B2J", "%ED%A0%80", "%FF", "%C0%AF", "a%2Fb", "..", "%2E%2E", "%E2%80%AE", "%20", new string('x', 4000), "abc", "-1",
        "99999999999999999999999", "1%0D%0ASet-Cookie:x=1",
    ];

    [Fact]
    public async Task MalformedBodies_AndPathValues_NeverGetA5xx()
    {
        using var admin = service.Client("admin");
        using var document = JsonDocument.Parse(await admin.GetStringAsync("/openapi/v1.json"));
        var failures = new List<string>();
        var cases = 0;
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = operation.Name.ToUpperInvariant();
                var template = path.Name;
                if (method == "POST" && template != "/v1/events")
                {
                    var target = Concrete.GetValueOrDefault(template, template);
                    Assert.DoesNotContain("{", target, StringComparison.Ordinal);
                    foreach (var body in Bodies)
                    {
                        foreach (var mediaType in new[] { "application/json", "application/json; charset=utf-16" })
                        {
                            cases++;
                            using var content = new ByteArrayContent(body);
                            content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
                            using var response = await admin.PostAsync(target, content);
                            if ((int)response.StatusCode >= 500)
                            {
                                failures.Add($"POST {target} {mediaType} {Describe(body)}: {(int)response.StatusCode}");
                            }
                        }
                    }
                }

                if (template.Contains('{', StringComparison.Ordinal))
                {
                    Assert.True(Concrete.TryGetValue(template, out var format), $"no concrete path for {template}");
                    foreach (var value in PathValues.Where(_ => format.Contains("{0}", StringComparison.Ordinal)))
                    {
                        cases++;
                        var target = format.Replace("{0}", value, StringComparison.Ordinal);
                        using var request = new HttpRequestMessage(new HttpMethod(method), target);
                        if (method == "POST")
                        {
                            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                        }

                        using var response = await admin.SendAsync(request);
                        if ((int)response.StatusCode >= 500)
                        {
                            failures.Add($"{method} {(target.Length > 80 ? target[..80] + "…" : target)}: {(int)response.StatusCode}");
                        }
                    }
                }
            }
        }

        output.WriteLine($"{cases} malformed requests");
        Assert.True(cases > 200, $"only {cases} cases");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string Describe(byte[] body) =>
        body.Length > 40 ? $"{body.Length} bytes starting {Convert.ToHexString(body, 0, 8)}" : Convert.ToHexString(body);
}
