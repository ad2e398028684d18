using System.Net;
using System.Net.Sockets;
using BehaviorGraph.Api.Endpoints;
using BehaviorGraph.Api.Hosting;
using BehaviorGraph.Api.Security;
using BehaviorGraph.Core.Security;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BehaviorGraph.Api.Tests.Support;

/// <summary>
/// A service of a test's own on a free loopback port, over a new SQLite store with one key per role, optionally
/// with the test's logger in place of the console. Built like <see cref="BehaviorGraphService.Build"/>.
/// </summary>
internal sealed class TestService : IAsyncDisposable
{
    private readonly string _directory;
    private readonly IBehaviorStore _store;
    private readonly WebApplication _app;

    private TestService(string directory, IBehaviorStore store, WebApplication app, Uri address, string[] keys)
    {
        _directory = directory;
        _store = store;
        _app = app;
        BaseAddress = address;
        (EnforcementKey, AnalystKey, AdminKey) = (keys[0], keys[1], keys[2]);
    }

    public Uri BaseAddress { get; }

    public IBehaviorStore Store => _store;

    public IServiceProvider Services => _app.Services;

    public string EnforcementKey { get; }

    public string AnalystKey { get; }

    public string AdminKey { get; }

    /// <param name="settings">Configuration entries (limits: <see cref="Settings.Service"/>); the store, schedules and polling are set here.</param>
    /// <param name="logs">Receives every log line instead of the console.</param>
    /// <param name="schedules">The schedule file's content.</param>
    public static async Task<TestService> StartAsync(
        IEnumerable<KeyValuePair<string, string?>>? settings = null, ILoggerProvider? logs = null, string schedules = """{ "schedules": [] }""", bool runJobs = false)
    {
        var directory = Path.Combine(Path.GetTempPath(), "bg-own-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var database = Path.Combine(directory, "bg.db");
        var store = await SqliteBehaviorStore.OpenAsync(database, CancellationToken.None);
        string[] keys = [ApiKeys.NewKey(), ApiKeys.NewKey(), ApiKeys.NewKey()];
        var now = DateTimeOffset.UtcNow;
        await store.ApiKeys.AddAsync(new ApiKeyInfo(ApiKeys.Hash(keys[0]), ApiRole.Enforcement, "own-enforcement", now, null), CancellationToken.None);
        await store.ApiKeys.AddAsync(new ApiKeyInfo(ApiKeys.Hash(keys[1]), ApiRole.Analyst, "own-analyst", now, null), CancellationToken.None);
        await store.ApiKeys.AddAsync(new ApiKeyInfo(ApiKeys.Hash(keys[2]), ApiRole.Admin, "own-admin", now, null), CancellationToken.None);
        var schedulesPath = Path.Combine(directory, "schedules.json");
        await File.WriteAllTextAsync(schedulesPath, schedules);
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(
        [
            Settings.Jobs("SchedulesPath", schedulesPath),
            Settings.Jobs("InboxPath", Path.Combine(directory, "inbox")),
            Settings.Jobs("RunServer", runJobs),
            Settings.Jobs("PollInterval", TimeSpan.FromMilliseconds(500)),
            .. settings ?? [],
        ]);
        if (logs is not null)
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(logs);
        }

        builder.AddBehaviorGraph(StoreLocation.Parse("sqlite:" + database), store);
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.UseBehaviorGraph();
        app.MapEnforcementApi();
        app.MapAnalystApi();
        app.MapFeedbackApi();
        app.MapOpsApi();
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return new TestService(directory, store, app, address, keys);
    }

    /// <summary>A client sending <paramref name="key"/> (none when null), connecting from the loopback address <paramref name="from"/>.</summary>
    public HttpClient Client(string? key, IPAddress? from = null)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) };
        if (from is not null)
        {
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        var client = new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeys.Header, key);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
