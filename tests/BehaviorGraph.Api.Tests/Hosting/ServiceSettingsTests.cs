using System.Net;
using System.Text.Json;
using System.Text;
using BehaviorGraph.Api.Hosting;
using BehaviorGraph.Api.Tests.Support;
using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Core.Features;
using BehaviorGraph.Core.Scoring;
using BehaviorGraph.Core.Security;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Storage.Sqlite;
using BehaviorGraph.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BehaviorGraph.Api.Tests.Hosting;

/// <summary>
/// Settings given to <see cref="BehaviorGraphService.Build"/> as configuration reach the running service (seen over
/// HTTP), and bad ones stop it before it serves. The appsettings.json and environment layers are exercised on a real
/// <c>bgraph serve</c> process in the CLI tests.
/// </summary>
public sealed class ServiceSettingsTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private readonly string _key = ApiKeys.NewKey();
    private IBehaviorStore _store = null!;

    private string Database => Path.Combine(_directory.Path, "bg.db");

    private StoreLocation Location => StoreLocation.Parse("sqlite:" + Database);

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory.Path, "schedules.json"), """{ "schedules": [] }""");
        _store = await SqliteBehaviorStore.OpenAsync(Database, CancellationToken.None);
        await _store.ApiKeys.AddAsync(new ApiKeyInfo(ApiKeys.Hash(_key), ApiRole.Enforcement, "reader", DateTimeOffset.UtcNow, null), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task ConfiguredThresholds_AreReported_ForARunThatStoredNone_AndTheSharedDefaultStays()
    {
        await PublishRunWithoutThresholdsAsync();
        await using var app = await StartAsync(Settings.Service("Thresholds:Review", 0.6), Settings.Service("Thresholds:Block", 0.8));
        using var client = Client(app);

        using var answer = JsonDocument.Parse(await client.GetStringAsync("/v1/accounts/a1/risk"));

        var thresholds = answer.RootElement.GetProperty("thresholds");
        Assert.Equal(0.6, thresholds.GetProperty("review").GetDouble());
        Assert.Equal(0.8, thresholds.GetProperty("block").GetDouble());
        // The binder sets the thresholds in place: on the service's own instance, never on the shared default.
        Assert.Equal(new DecisionThresholds(0.5, 0.9), DecisionThresholds.Default);
        Assert.Equal(DecisionThresholds.Default, new ServiceOptions().Thresholds);
    }

    [Fact]
    public async Task ConfiguredBodyLimit_IsEnforced()
    {
        await using var app = await StartAsync(Settings.Service("MaxRequestBodyBytes", 100));
        using var client = Client(app);
        var accounts = string.Join(", ", Enumerable.Range(0, 30).Select(i => $"\"u{i}\""));

        using var response = await client.PostAsync("/v1/accounts/risk:batch", new StringContent($$"""{ "accounts": [{{accounts}}] }""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("The body exceeds 100 bytes.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void BadSettings_StopTheBuild_NamingEverySetting()
    {
        var error = Assert.Throws<AggregateException>(() => BehaviorGraphService.Build(
            Location,
            _store,
            [
                Settings.Jobs("SchedulesPath", Path.Combine(_directory.Path, "schedules.json")),
                Settings.Service("UnauthenticatedGlobalBurst", 0),
                Settings.Service("Thresholds:Block", 1.5),
                Settings.Jobs("Workers", 0),
                new("BehaviorGraph:Analysis:Blocks:NullFactor", "NaN"),
            ]));

        Assert.All(error.InnerExceptions, e => Assert.IsType<OptionsValidationException>(e));
        var failures = error.InnerExceptions.SelectMany(e => ((OptionsValidationException)e).Failures).ToList();
        Assert.Equal(
            [
                "BehaviorGraph:Service:Thresholds:Block must be from 0 to 1; got 1.5.",
                "BehaviorGraph:Service:UnauthenticatedGlobalBurst must be at least 1; got 0.",
                "BehaviorGraph:Jobs:Workers must be from 1 to 64; got 0.",
                "BehaviorGraph:Analysis:Blocks:NullFactor must be a non-negative finite number; got NaN.",
            ],
            failures);
    }

    private async Task PublishRunWithoutThresholdsAsync()
    {
        var analysis = await _store.Features.BeginRunAsync("settings test", CancellationToken.None);
        await _store.Features.CompleteRunAsync(analysis, ["f"], [new AccountFeatureRow("a1", [1f])], Array.Empty<DetectedCluster>(), CancellationToken.None);
        var run = await _store.Scores.BeginRunAsync("m1", analysis, DecisionThresholds.Default, CancellationToken.None);
        await _store.Scores.PublishAsync(run, [new AccountScore("a1", 0.7, Decision.Review, [], "m1", run, DateTimeOffset.UtcNow)], CancellationToken.None);
        // As a run scored before thresholds were stored with it (migration 0006) reads.
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE score_runs SET review_threshold = NULL, block_threshold = NULL";
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private async Task<WebApplication> StartAsync(params KeyValuePair<string, string?>[] settings)
    {
        var app = BehaviorGraphService.Build(
            Location,
            _store,
            [Settings.Jobs("SchedulesPath", Path.Combine(_directory.Path, "schedules.json")), Settings.Jobs("RunServer", false), .. settings],
            urls: ["http://127.0.0.1:0"]);
        await app.StartAsync();
        return app;
    }

    private HttpClient Client(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add(ApiKeys.Header, _key);
        return client;
    }
}
