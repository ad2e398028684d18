using System.Net.Http.Json;
using System.Text;
using BehaviorGraph.Api.Hosting;
using BehaviorGraph.Api.Security;
using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Core.Features;
using BehaviorGraph.Core.Scoring;
using BehaviorGraph.Core.Security;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Ingest;
using BehaviorGraph.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace BehaviorGraph.Api.Tests.Support;

/// <summary>
/// The real service on a free loopback port over a real SQLite store in a temp dir: events ingested by the real
/// ingestor, one analysis run (features and clusters) and one published scoring run written through the stores,
/// and one key per role.
/// </summary>
public sealed class ServiceFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "bg-api-" + Guid.NewGuid().ToString("N"));

    public IBehaviorStore Store { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public string EnforcementKey { get; } = ApiKeys.NewKey();

    public string AnalystKey { get; } = ApiKeys.NewKey();

    public string AdminKey { get; } = ApiKeys.NewKey();

    public string RevokedKey { get; } = ApiKeys.NewKey();

    public long ScoringRunId { get; private set; }

    public string Inbox => Path.Combine(Directory, "inbox");

    public IServiceProvider Services => _app!.Services;

    public string KeyFor(string role) => role switch
    {
        "enforcement" => EnforcementKey,
        "analyst" => AnalystKey,
        "admin" => AdminKey,
        "revoked" => RevokedKey,
        "unknown" => ApiKeys.NewKey(),
        _ => "",
    };

    public HttpClient Client(string role)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var key = KeyFor(role);
        if (key.Length > 0)
        {
            client.DefaultRequestHeaders.Add(ApiKeys.Header, key);
        }

        return client;
    }

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var database = Path.Combine(Directory, "bg.db");
        Store = await SqliteBehaviorStore.OpenAsync(database, CancellationToken.None);
        var report = await new EventIngestor(Store.Ingest).IngestContentAsync("fixture.csv", Encoding.UTF8.GetBytes(TestData.Events), EventFormat.Csv, IngestOptions.Default, CancellationToken.None);
        Assert.Equal(7, report.Ingested);
        Assert.Equal(1, report.Quarantined);

        var analysis = await Store.Features.BeginRunAsync("api fixture", CancellationToken.None);
        await Store.Features.CompleteRunAsync(
            analysis,
            ["max_accounts_per_device"],
            [new AccountFeatureRow("a1", [2f]), new AccountFeatureRow("a2", [2f]), new AccountFeatureRow("a3", [2f]), new AccountFeatureRow("a4", [0f])],
            [
                new DetectedCluster("ring-1", ClusterKind.Ring, 0.8, ["a1", "a2", "a3"], "3 accounts following in a chain", new Dictionary<string, double> { ["density"] = 0.67 }),
                new DetectedCluster("identity-1", ClusterKind.Identity, 0.5, ["a1", "a2", "a3"], "3 accounts on device d1", new Dictionary<string, double> { ["devices"] = 1 }),
                new DetectedCluster("bot-1", ClusterKind.Bot, 0.3, ["a1", "a4"], "2 accounts in lockstep", new Dictionary<string, double> { ["windows"] = 4 }),
            ],
            CancellationToken.None);

        // The run's own thresholds differ from the service's configured defaults (0.5 / 0.9): answers must report the run's.
        ScoringRunId = await Store.Scores.BeginRunAsync(TestData.ModelVersion, analysis, new DecisionThresholds(0.55, 0.92), CancellationToken.None);
        var at = new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero);
        await Store.Scores.PublishAsync(
            ScoringRunId,
            [
                new AccountScore("a1", 0.95, Decision.Block, [new ReasonCode("SHARED_DEVICE", "max_accounts_per_device", 3, 1.25, "uses a device shared by 3 accounts")], TestData.ModelVersion, ScoringRunId, at),
                new AccountScore("a2", 0.6, Decision.Review, [], TestData.ModelVersion, ScoringRunId, at),
                new AccountScore("a3", 0.2, Decision.Allow, [], TestData.ModelVersion, ScoringRunId, at),
            ],
            CancellationToken.None);

        var now = DateTimeOffset.UtcNow;
        await Store.ApiKeys.AddAsync(new ApiKeyInfo(ApiKeys.Hash(EnforcementKey), ApiRole.Enforcement, "enforcement-test", now, null), CancellationToken.None);
        await Store.ApiKeys.AddAsync(new ApiKeyInfo(ApiKeys.Hash(AnalystKey), ApiRole.Analyst, "analyst-test", now, null), CancellationToken.None);
        await Store.ApiKeys.AddAsync(new ApiKeyInfo(ApiKeys.Hash(AdminKey), ApiRole.Admin, "admin-test", now, null), CancellationToken.None);
        await Store.ApiKeys.AddAsync(new ApiKeyInfo(ApiKeys.Hash(RevokedKey), ApiRole.Admin, "revoked-test", now, null), CancellationToken.None);
        Assert.True(await Store.ApiKeys.RevokeAsync(ApiKeys.Hash(RevokedKey), now, CancellationToken.None));

        var schedules = Path.Combine(Directory, "schedules.json");
        await File.WriteAllTextAsync(schedules, $$"""
            { "schedules": [
                { "id": "ingest-inbox", "job": "ingest", "cron": "0 0 1 1 *", "queue": "ingest", "arguments": { "inbox": {{System.Text.Json.JsonSerializer.Serialize(Inbox)}} } },
                { "id": "train-nightly", "job": "train", "cron": "0 0 1 1 *", "queue": "analytics" }
            ] }
            """);
        KeyValuePair<string, string?>[] settings =
        [
            Settings.Jobs("SchedulesPath", schedules),
            Settings.Jobs("InboxPath", Inbox),
            Settings.Jobs("PollInterval", TimeSpan.FromMilliseconds(500)),
            Settings.Jobs("Workers", 2),
            Settings.Service("ScoreRefreshInterval", TimeSpan.FromMilliseconds(200)),
            Settings.Service("RateLimitPerSecond", 10_000),
            Settings.Service("RateLimitBurst", 10_000),
            // The matrix and sweeps send hundreds of unauthenticated requests from one address; the limits for those
            // are tested on services of their own.
            Settings.Service("UnauthenticatedPerAddressPerSecond", 10_000),
            Settings.Service("UnauthenticatedPerAddressBurst", 10_000),
            Settings.Service("UnauthenticatedGlobalPerSecond", 10_000),
            Settings.Service("UnauthenticatedGlobalBurst", 10_000),
        ];
        _app = BehaviorGraphService.Build(StoreLocation.Parse("sqlite:" + database), Store, settings, urls: ["http://127.0.0.1:0"]);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await Store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Polls the job run endpoint until the job reaches a final state (or 60 s pass).</summary>
    public async Task<Contracts.JobRun> WaitForJobAsync(string jobId)
    {
        using var client = Client("admin");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var run = await client.GetFromJsonAsync<Contracts.JobRun>($"/v1/jobs/runs/{jobId}", Json.Options);
            if (run!.State is "Succeeded" or "Failed" or "Deleted" || DateTime.UtcNow > deadline)
            {
                return run;
            }

            await Task.Delay(200);
        }
    }
}
