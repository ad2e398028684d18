using System.Net.Http.Json;
using BehaviorGraph.Api.Contracts;
using BehaviorGraph.Api.Hosting;
using BehaviorGraph.Api.Security;
using BehaviorGraph.Api.Tests.Support;
using BehaviorGraph.Core.Security;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Storage.Sqlite;
using BehaviorGraph.Synthetic;
using BehaviorGraph.Testing;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;

namespace BehaviorGraph.Api.Tests.Jobs;

/// <summary>
/// The service's whole loop on its own store, every step through HTTP and Hangfire: ingest job → analyze job (score
/// follows as its continuation) → analyst labels → train job → score job → risk lookup served from the new run.
/// </summary>
[Collection(SoloHangfireCollection.Name)]
public sealed class JobChainTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private IBehaviorStore _store = null!;
    private Microsoft.AspNetCore.Builder.WebApplication _app = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        var inbox = Path.Combine(_directory.Path, "inbox");
        var generated = SyntheticPlatform.Generate(new SyntheticOptions(1000, 7), Path.Combine(_directory.Path, "synthetic"));
        Directory.CreateDirectory(inbox);
        File.Copy(generated.EventsPath, Path.Combine(inbox, "events.csv"));

        var database = Path.Combine(_directory.Path, "bg.db");
        _store = await SqliteBehaviorStore.OpenAsync(database, CancellationToken.None);
        var key = ApiKeys.NewKey();
        await _store.ApiKeys.AddAsync(new ApiKeyInfo(ApiKeys.Hash(key), ApiRole.Admin, "chain", DateTimeOffset.UtcNow, null), CancellationToken.None);
        var schedules = Path.Combine(_directory.Path, "schedules.json");
        await File.WriteAllTextAsync(schedules, """{ "schedules": [ { "job": "analyze", "cron": "0 0 1 1 *", "queue": "analytics" } ] }""");
        _app = BehaviorGraphService.Build(
            StoreLocation.Parse("sqlite:" + database),
            _store,
            [
                Settings.Jobs("SchedulesPath", schedules),
                Settings.Jobs("InboxPath", inbox),
                Settings.Jobs("PollInterval", TimeSpan.FromMilliseconds(500)),
                Settings.Service("ScoreRefreshInterval", TimeSpan.FromMilliseconds(200)),
            ],
            urls: ["http://127.0.0.1:0"]);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _admin = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
        _admin.DefaultRequestHeaders.Add(ApiKeys.Header, key);
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _store.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task IngestAnalyzeLabelTrainScore_ServesTheNewModelsScores()
    {
        var ingest = await RunAsync("ingest", new { });
        Assert.Equal("Succeeded", ingest.State);
        Assert.Contains("1 file(s) (0 already ingested)", ingest.Result, StringComparison.Ordinal);

        var analyze = await RunAsync("analyze", new { });
        Assert.Equal("Succeeded", analyze.State);
        Assert.StartsWith("analysis run ", analyze.Result, StringComparison.Ordinal);
        var continuation = analyze.Result!.Split("score continues as job ")[1].Split(',')[0];
        var graphSync = analyze.Result.Split("then graph-sync as job ")[1];
        var firstScore = await WaitAsync(continuation);
        Assert.Equal(("Succeeded", "skipped: no model is promoted"), (firstScore.State, firstScore.Result));
        var firstSync = await WaitAsync(graphSync);
        Assert.Equal("Succeeded", firstSync.State);
        Assert.StartsWith("skipped: No graph store configured", firstSync.Result, StringComparison.Ordinal);

        var labels = File.ReadLines(Path.Combine(_directory.Path, "synthetic", SyntheticPlatform.LabelsFileName)).Skip(1).Select(l => l.Split(',')).ToList();
        foreach (var label in labels)
        {
            using var posted = await _admin.PostAsJsonAsync("/v1/labels", new { account = label[0], label = label[1], note = (string?)null });
            posted.EnsureSuccessStatusCode();
        }

        var train = await RunAsync("train", new { arguments = new Dictionary<string, string> { ["folds"] = "2", ["minLabels"] = "2", ["minAuc"] = "0" } });
        Assert.Equal("Succeeded", train.State);
        // A 1,000-account platform gives too few labels for a strong model; the gate is opened so the loop completes.
        Assert.True(train.Result!.Contains("; promoted:", StringComparison.Ordinal), train.Result);
        var version = train.Result!.Split(' ')[1];

        var again = await RunAsync("train", new { });
        Assert.StartsWith("skipped: no label is newer than the promoted model", again.Result, StringComparison.Ordinal);

        var score = await RunAsync("score", new { });
        Assert.Equal("Succeeded", score.State);
        Assert.Contains(version, score.Result, StringComparison.Ordinal);

        var abusive = labels.First(l => l[1] == "abusive")[0];
        RiskResponse? risk = null;
        for (var i = 0; i < 100 && risk?.ModelVersion != version; i++)
        {
            await Task.Delay(100);
            using var response = await _admin.GetAsync($"/v1/accounts/{abusive}/risk");
            risk = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<RiskResponse>(Json.Options) : null;
        }

        Assert.Equal(version, risk?.ModelVersion);
    }

    private async Task<JobRun> RunAsync(string job, object body)
    {
        using var response = await _admin.PostAsJsonAsync($"/v1/jobs/{job}/trigger", body);
        response.EnsureSuccessStatusCode();
        return await WaitAsync((await response.Content.ReadFromJsonAsync<JobTriggered>(Json.Options))!.JobId);
    }

    private async Task<JobRun> WaitAsync(string jobId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var run = (await _admin.GetFromJsonAsync<JobRun>($"/v1/jobs/runs/{jobId}", Json.Options))!;
            if (run.State is "Succeeded" or "Failed" or "Deleted" || DateTime.UtcNow > deadline)
            {
                return run;
            }

            await Task.Delay(200);
        }
    }
}
