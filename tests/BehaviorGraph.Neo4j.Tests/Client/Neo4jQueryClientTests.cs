using System.Net;
using System.Text;
using BehaviorGraph.Neo4j.Client;
using BehaviorGraph.Neo4j.Tests.Support;

namespace BehaviorGraph.Neo4j.Tests.Client;

public sealed class Neo4jQueryClientTests : IDisposable
{
    private const string OneRow = """{"data":{"fields":["n"],"values":[[1]]},"bookmarks":["FB:one"]}""";

    private readonly FakeQueryApiServer _server = new();
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
    }

    private Neo4jQueryClient Client(Action<Neo4jOptions>? configure = null)
    {
        var options = new Neo4jOptions
        {
            Uri = _server.BaseUri,
            User = "neo4j",
            Password = "s3cret",
            RetryDelay = TimeSpan.FromMilliseconds(1),
            Timeout = TimeSpan.FromSeconds(20),
        };
        configure?.Invoke(options);
        return new Neo4jQueryClient(_http, options);
    }

    [Fact]
    public async Task RunAsync_PostsStatementParametersAndAccessMode_ToTheDatabaseQueryEndpoint()
    {
        _server.Respond(HttpStatusCode.Accepted, OneRow);
        var client = Client(o => o.Database = "graph");

        await client.RunAsync(
            new CypherQuery(
                "MATCH (n) WHERE n.id > $after RETURN n",
                new Dictionary<string, object?> { ["after"] = 42L, ["name"] = "x" },
                CypherAccessMode.Read,
                ["FB:earlier"]),
            CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/db/graph/query/v2", request.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("neo4j:s3cret")), request.Authorization);
        Assert.StartsWith("application/json", request.ContentType);
        Assert.Equal("application/json", request.Accept);
        var json = request.Json;
        Assert.Equal("MATCH (n) WHERE n.id > $after RETURN n", json.GetProperty("statement").GetString());
        Assert.Equal(42, json.GetProperty("parameters").GetProperty("after").GetInt64());
        Assert.Equal("x", json.GetProperty("parameters").GetProperty("name").GetString());
        Assert.Equal("Read", json.GetProperty("accessMode").GetString());
        Assert.Equal("FB:earlier", Assert.Single(json.GetProperty("bookmarks").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task RunAsync_SendsBearerToken_WhenConfigured()
    {
        _server.Respond(HttpStatusCode.Accepted, OneRow);
        var client = Client(o =>
        {
            o.User = null;
            o.Password = null;
            o.BearerToken = "tok-123";
        });

        await client.RunAsync(new CypherQuery("RETURN 1 AS n", new Dictionary<string, object?>()), CancellationToken.None);

        Assert.Equal("Bearer tok-123", Assert.Single(_server.Requests).Authorization);
        Assert.Equal("Write", _server.Requests[0].Json.GetProperty("accessMode").GetString());
    }

    [Fact]
    public async Task RunAsync_ParsesFieldsValuesNullsNumbersListsMapsCountersAndBookmarks()
    {
        _server.Respond(HttpStatusCode.Accepted, """
            {
              "data": {
                "fields": ["id", "score", "name", "missing", "tags", "props", "flag", "whole_float"],
                "values": [
                  [9007199254740993, 0.25, "a1", null, ["x", "y"], {"k": 1, "f": 1.5}, true, 3.0],
                  [2, -1.0E-3, "a2", null, [], {}, false, 4.0]
                ]
              },
              "counters": {"containsUpdates": true, "nodesCreated": 2, "propertiesSet": 5, "labelsAdded": 2},
              "bookmarks": ["FB:abc"]
            }
            """);

        var result = await Client().RunAsync(new CypherQuery("RETURN 1", new Dictionary<string, object?>()), CancellationToken.None);

        Assert.Equal(["id", "score", "name", "missing", "tags", "props", "flag", "whole_float"], result.Fields);
        Assert.Equal(2, result.Rows.Count);
        var first = result.Rows[0];
        Assert.Equal(9007199254740993L, first.GetInt64("id"));
        Assert.Equal(0.25, first.GetDouble("score"));
        Assert.Equal("a1", first.GetString("name"));
        Assert.True(first.IsNull("missing"));
        Assert.Null(first.GetStringOrNull("missing"));
        Assert.Null(first.GetInt64OrNull("missing"));
        Assert.Equal(["x", "y"], first.GetStringList("tags"));
        Assert.True(first.GetBoolean("flag"));
        var props = Assert.IsType<Dictionary<string, object?>>(first.GetValue("props"));
        Assert.Equal(1L, props["k"]);
        Assert.Equal(1.5, props["f"]);
        Assert.IsType<double>(first.GetValue("whole_float"));
        Assert.IsType<long>(first.GetValue("id"));
        Assert.Equal(-0.001, result.Rows[1].GetDouble("score"));
        Assert.Empty(result.Rows[1].GetStringList("tags"));
        Assert.Equal(new CypherCounters(true, 2, 0, 0, 0, 5, 2, 0), result.Counters);
        Assert.Equal(["FB:abc"], result.Bookmarks);
    }

    [Fact]
    public async Task RunAsync_ThrowsNeo4jExceptionWithCodeAndMessage_AndDoesNotRetry_ForClientErrors()
    {
        _server.Respond(HttpStatusCode.BadRequest, """
            {"errors":[{"code":"Neo.ClientError.Statement.SyntaxError","message":"Invalid input 'MATC'"}]}
            """);

        var error = await Assert.ThrowsAsync<Neo4jException>(() =>
            Client().RunAsync(new CypherQuery("MATC (n) RETURN n", new Dictionary<string, object?>()), CancellationToken.None));

        Assert.Equal("Neo.ClientError.Statement.SyntaxError", error.Code);
        Assert.Equal("Invalid input 'MATC'", error.Neo4jMessage);
        Assert.Contains("Neo.ClientError.Statement.SyntaxError", error.Message);
        Assert.False(error.IsTransient);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task RunAsync_RetriesTransientErrors_ThenReturnsTheSuccessfulAnswer()
    {
        _server
            .Respond(HttpStatusCode.BadRequest, """{"errors":[{"code":"Neo.TransientError.Transaction.DeadlockDetected","message":"deadlock"}]}""")
            .Respond(HttpStatusCode.ServiceUnavailable, """{"errors":[{"code":"Neo.TransientError.General.MemoryPoolOutOfMemoryError","message":"busy"}]}""")
            .Respond(HttpStatusCode.Accepted, OneRow);

        var result = await Client().RunAsync(new CypherQuery("RETURN 1 AS n", new Dictionary<string, object?>()), CancellationToken.None);

        Assert.Equal(1, result.Rows[0].GetInt64("n"));
        Assert.Equal(3, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.Equal("RETURN 1 AS n", r.Json.GetProperty("statement").GetString()));
    }

    [Fact]
    public async Task RunAsync_GivesUpAfterMaxRetryAttempts_WithTheTransientCode()
    {
        const string Deadlock = """{"errors":[{"code":"Neo.TransientError.Transaction.DeadlockDetected","message":"deadlock"}]}""";
        _server.Respond(HttpStatusCode.BadRequest, Deadlock).Respond(HttpStatusCode.BadRequest, Deadlock).Respond(HttpStatusCode.BadRequest, Deadlock);

        var error = await Assert.ThrowsAsync<Neo4jException>(() =>
            Client(o => o.MaxRetryAttempts = 2).RunAsync(new CypherQuery("RETURN 1", new Dictionary<string, object?>()), CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Equal("Neo.TransientError.Transaction.DeadlockDetected", error.Code);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task RunAsync_DoesNotRetryOnHttpStatusAlone_WhenTheAnswerCarriesNoNeo4jCode()
    {
        _server.Respond(HttpStatusCode.ServiceUnavailable, "upstream down").Respond(HttpStatusCode.Accepted, OneRow);

        var error = await Assert.ThrowsAsync<Neo4jException>(() =>
            Client().RunAsync(new CypherQuery("RETURN 1", new Dictionary<string, object?>()), CancellationToken.None));

        Assert.Equal("HTTP 503", error.Code);
        Assert.Contains("upstream down", error.Message);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task RunAsync_ReportsAuthenticationFailure_WithNeo4jCode_AndNoPassword()
    {
        _server.Respond(HttpStatusCode.Unauthorized, """{"errors":[{"code":"Neo.ClientError.Security.Unauthorized","message":"The client is unauthorized due to authentication failure."}]}""");

        var error = await Assert.ThrowsAsync<Neo4jException>(() =>
            Client().RunAsync(new CypherQuery("RETURN 1", new Dictionary<string, object?>()), CancellationToken.None));

        Assert.Equal("Neo.ClientError.Security.Unauthorized", error.Code);
        Assert.DoesNotContain("s3cret", error.Message);
    }

    [Fact]
    public async Task RunAsync_ThrowsTimeoutException_WhenNeo4jDoesNotAnswerInTime()
    {
        _server.Respond(HttpStatusCode.Accepted, OneRow, delay: TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            Client(o => o.Timeout = TimeSpan.FromMilliseconds(300))
                .RunAsync(new CypherQuery("RETURN 1", new Dictionary<string, object?>()), CancellationToken.None));

        Assert.Contains("did not answer within 0.3 s", error.Message);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task RunAsync_HonoursCallerCancellation_AsCancellationNotTimeout()
    {
        _server.Respond(HttpStatusCode.Accepted, OneRow, delay: TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Client().RunAsync(new CypherQuery("RETURN 1", new Dictionary<string, object?>()), cancel.Token));
    }
}
