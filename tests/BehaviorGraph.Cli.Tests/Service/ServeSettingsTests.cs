using System.Net;
using System.Text;
using BehaviorGraph.Cli.Tests.Support;

namespace BehaviorGraph.Cli.Tests.Service;

/// <summary>
/// Settings reach a real <c>bgraph serve</c> child process from appsettings.json in its working directory, from
/// <c>BehaviorGraph__…</c> environment variables and from its flags, in that rising order, observed over HTTP and in
/// its start-up line; a bad setting stops it at start with a message naming the setting.
/// </summary>
public sealed class ServeSettingsTests
{
    private const string Store = "sqlite:./s.db";

    [Fact]
    public async Task Appsettings_ReachTheService_AndTheJobHost()
    {
        using var dir = Directory(appsettings: """
            { "BehaviorGraph": {
                "Service": { "MaxBatchAccounts": 2 },
                "Jobs": { "SchedulesPath": "empty-schedules.json", "Workers": 3 } } }
            """);
        var key = await ServeProcess.CreateKeyAsync(dir.Path, Store, "enforcement", "reader");

        await using var serve = await ServeProcess.StartAsync(dir.Path, "--store", Store);

        Assert.Contains("with 3 worker(s)", await StartLineAsync(serve), StringComparison.Ordinal);
        var (status, body) = await BatchAsync(serve, key, 3);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("At most 2 accounts per request; got 3.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnvironmentVariables_BeatAppsettings()
    {
        using var dir = Directory(appsettings: """
            { "BehaviorGraph": {
                "Service": { "MaxBatchAccounts": 2 },
                "Jobs": { "SchedulesPath": "empty-schedules.json", "Workers": 3 } } }
            """);
        var key = await ServeProcess.CreateKeyAsync(dir.Path, Store, "enforcement", "reader");
        var environment = new Dictionary<string, string?>
        {
            ["BehaviorGraph__Service__MaxBatchAccounts"] = "4",
            ["BehaviorGraph__Jobs__Workers"] = "2",
        };

        await using var serve = await ServeProcess.StartAsync(dir.Path, environment, "--store", Store);

        Assert.Contains("with 2 worker(s)", await StartLineAsync(serve), StringComparison.Ordinal);
        var (three, _) = await BatchAsync(serve, key, 3);
        var (five, body) = await BatchAsync(serve, key, 5);
        Assert.NotEqual(HttpStatusCode.BadRequest, three);
        Assert.Equal(HttpStatusCode.BadRequest, five);
        Assert.Contains("At most 4 accounts per request; got 5.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flags_BeatEnvironmentVariables()
    {
        using var dir = Directory(appsettings: """{ "BehaviorGraph": { "Jobs": { "SchedulesPath": "empty-schedules.json" } } }""");
        var key = await ServeProcess.CreateKeyAsync(dir.Path, Store, "enforcement", "reader");
        var environment = new Dictionary<string, string?>
        {
            ["BehaviorGraph__Service__RateLimitPerSecond"] = "10000",
            ["BehaviorGraph__Service__RateLimitBurst"] = "10000",
            ["BehaviorGraph__Jobs__Workers"] = "2",
        };

        await using var serve = await ServeProcess.StartAsync(dir.Path, environment, "--store", Store, "--rate-limit", "1", "--workers", "1");

        var line = await StartLineAsync(serve);
        Assert.Contains("rate limit 1/s per key, bursts to 2", line, StringComparison.Ordinal);
        Assert.Contains("with 1 worker(s)", line, StringComparison.Ordinal);
        // A bucket of 2 refilled once a second: a 429 within a handful of quick requests however slow the machine;
        // with the environment's 10,000 none would come.
        using var client = new HttpClient { BaseAddress = serve.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var statuses = new List<HttpStatusCode>();
        while (!statuses.Contains(HttpStatusCode.TooManyRequests) && statuses.Count < 50)
        {
            using var response = await client.GetAsync("/v1/accounts/a1/risk");
            statuses.Add(response.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(2));
    }

    [Theory]
    [InlineData("BehaviorGraph__Service__RateLimitPerSecond", "-5", "BehaviorGraph:Service:RateLimitPerSecond must be at least 1; got -5.")]
    [InlineData("BehaviorGraph__Service__Thresholds__Review", "0.95", "BehaviorGraph:Service:Thresholds:Review (0.95) must not be above BehaviorGraph:Service:Thresholds:Block (0.9).")]
    [InlineData("BehaviorGraph__Service__RateLimtPerSecond", "50", "BehaviorGraph:Service:RateLimtPerSecond is not a setting; BehaviorGraph:Service takes")]
    [InlineData("BehaviorGraph__Servce__RateLimitPerSecond", "50", "BehaviorGraph:Servce is not a setting; BehaviorGraph takes Store, Neo4j, Service, Jobs, Analysis.")]
    [InlineData("BehaviorGraph__Jobs__Workers", "many", "BehaviorGraph:Jobs:Workers must be a whole number; got 'many'.")]
    [InlineData("BehaviorGraph__Jobs__PollInterval", "00:00:00", "BehaviorGraph:Jobs:PollInterval must be a positive duration")]
    [InlineData("BehaviorGraph__Analysis__Rings__MinMembers", "-1", "BehaviorGraph:Analysis:Rings:MinMembers must be a non-negative finite number; got -1.")]
    [InlineData("BEHAVIORGRAPH_STORE", "mysql:db", "Store backend 'mysql' is unknown")]
    public async Task InvalidSetting_StopsServeAtStart_WithAMessageNamingIt(string variable, string value, string message)
    {
        using var dir = Directory(appsettings: """{ "BehaviorGraph": { "Jobs": { "SchedulesPath": "empty-schedules.json" } } }""");
        // No --store: the store setting under test (BEHAVIORGRAPH_STORE) must be the one that applies.
        var environment = new Dictionary<string, string?> { [variable] = value };
        if (variable != "BEHAVIORGRAPH_STORE")
        {
            environment["BEHAVIORGRAPH_STORE"] = Store;
        }

        var (exitCode, _, stderr) = await Bgraph.RunAsync(dir.Path, environment, "serve", "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, exitCode);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.StartsWith("bgraph: error: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidSetting_InAppsettings_IsNamed_AndItsControlCharactersEscaped()
    {
        using var dir = Directory(appsettings: """
            { "BehaviorGraph": {
                "Service": { "RateLimitBurst": "\u001b[31mlots" },
                "Jobs": { "SchedulesPath": "empty-schedules.json" } } }
            """);

        var (exitCode, _, stderr) = await Bgraph.RunAsync(dir.Path, "serve", "--store", Store, "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, exitCode);
        Assert.Contains("BehaviorGraph:Service:RateLimitBurst must be a whole number", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', stderr);
    }

    private static TempDirectory Directory(string appsettings)
    {
        var dir = new TempDirectory();
        dir.Write("appsettings.json", appsettings);
        dir.Write("empty-schedules.json", """{ "schedules": [] }""");
        return dir;
    }

    /// <summary>The line serve writes once it listens (shortly after /health first answers).</summary>
    private static async Task<string> StartLineAsync(ServeProcess serve)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var line = serve.Tail.Split('\n').FirstOrDefault(l => l.StartsWith("bgraph: serving ", StringComparison.Ordinal));
            if (line is not null)
            {
                return line;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("serve wrote no start-up line: " + serve.Tail);
    }

    private static async Task<(HttpStatusCode Status, string Body)> BatchAsync(ServeProcess serve, string key, int accounts)
    {
        using var client = new HttpClient { BaseAddress = serve.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var ids = string.Join(", ", Enumerable.Range(1, accounts).Select(i => $"\"u{i}\""));
        using var content = new StringContent($$"""{ "accounts": [{{ids}}] }""", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/v1/accounts/risk:batch", content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
