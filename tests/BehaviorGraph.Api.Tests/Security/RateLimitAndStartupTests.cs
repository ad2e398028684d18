using System.Net;
using BehaviorGraph.Api.Hosting;
using BehaviorGraph.Api.Security;
using BehaviorGraph.Api.Tests.Support;
using BehaviorGraph.Core.Security;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Jobs.Schedules;
using BehaviorGraph.Storage.Sqlite;
using BehaviorGraph.Testing;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;

namespace BehaviorGraph.Api.Tests.Security;

/// <summary>Services of their own: one with a tiny per-key rate limit, one with a broken schedule file.</summary>
public sealed class RateLimitAndStartupTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private IBehaviorStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await SqliteBehaviorStore.OpenAsync(Path.Combine(_directory.Path, "bg.db"), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task RateLimit_IsPerKey_AndAnswers429WithRetryAfter()
    {
        var first = ApiKeys.NewKey();
        var second = ApiKeys.NewKey();
        await _store.ApiKeys.AddAsync(new ApiKeyInfo(ApiKeys.Hash(first), ApiRole.Enforcement, "first", DateTimeOffset.UtcNow, null), CancellationToken.None);
        await _store.ApiKeys.AddAsync(new ApiKeyInfo(ApiKeys.Hash(second), ApiRole.Enforcement, "second", DateTimeOffset.UtcNow, null), CancellationToken.None);
        await using var app = await StartAsync(
        [
            Settings.Jobs("SchedulesPath", await EmptySchedulesAsync()),
            Settings.Jobs("RunServer", false),
            Settings.Service("RateLimitBurst", 3),
            Settings.Service("RateLimitPerSecond", 1),
        ]);
        using var client = new HttpClient { BaseAddress = AddressOf(app) };

        // The bucket holds 3 and refills 1 per second, so a 429 comes within a handful of quick requests however slow
        // the machine is; the first 3 always pass.
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        while (limited is null && statuses.Count < 50)
        {
            var response = await SendAsync(client, first);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        using (limited)
        {
            Assert.NotNull(limited);
            Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], statuses.Take(3));
            Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
            Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(client, second));
    }

    [Fact]
    public async Task Startup_FailsWithTheScheduleFilesProblem_WhenTheFileIsInvalid()
    {
        var schedules = Path.Combine(_directory.Path, "bad.json");
        await File.WriteAllTextAsync(schedules, """{ "schedules": [ { "job": "ingest", "cron": "every five minutes" } ] }""");

        var error = Assert.Throws<ScheduleFileException>(() => BehaviorGraphService.Build(Location, _store, [Settings.Jobs("SchedulesPath", schedules)]));
        Assert.Contains("schedules[0].cron", error.Message, StringComparison.Ordinal);
        Assert.Contains("every five minutes", error.Message, StringComparison.Ordinal);
    }

    private StoreLocation Location => StoreLocation.Parse("sqlite:" + Path.Combine(_directory.Path, "bg.db"));

    private async Task<string> EmptySchedulesAsync()
    {
        var path = Path.Combine(_directory.Path, "schedules.json");
        await File.WriteAllTextAsync(path, """{ "schedules": [] }""");
        return path;
    }

    private async Task<Microsoft.AspNetCore.Builder.WebApplication> StartAsync(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var app = BehaviorGraphService.Build(Location, _store, settings, urls: ["http://127.0.0.1:0"]);
        await app.StartAsync();
        return app;
    }

    private static Uri AddressOf(Microsoft.AspNetCore.Builder.WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    private static async Task<HttpStatusCode> GetAsync(HttpClient client, string key)
    {
        using var response = await SendAsync(client, key);
        return response.StatusCode;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/accounts/a1/risk");
        request.Headers.Add(ApiKeys.Header, key);
        return client.SendAsync(request);
    }
}
