using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using BehaviorGraph.Cli.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace BehaviorGraph.Cli.Tests.Service;

/// <summary>
/// A real <c>bgraph serve</c> under mixed read/write load from keyed clients at a target rate, with a flood of
/// requests carrying a new random key each from eight other addresses beside it: the keyed clients get no error,
/// the service's log grows by a bounded amount (refusals are summarised), its memory stays flat. The duration is
/// <c>BEHAVIORGRAPH_SOAK_SECONDS</c> (12 by default) and the keyed rate <c>BEHAVIORGRAPH_SOAK_RPS</c> (2,000);
/// <c>BEHAVIORGRAPH_SOAK_FLOOD</c> is the number of flooding connections (8; 0 leaves the flood out, for comparison). The figures go to the test output. The test asserts no timing: a slow machine sends fewer requests, not errors.
/// </summary>
public sealed class ServiceSoakTests(ITestOutputHelper output)
{
    [Fact]
    public async Task MixedLoad_BesideARandomKeyFlood_GivesKeyedClientsNoError_WithBoundedLogsAndFlatMemory()
    {
        var seconds = Setting("BEHAVIORGRAPH_SOAK_SECONDS", 12);
        var rate = Setting("BEHAVIORGRAPH_SOAK_RPS", 2000);
        // Flooding connections, spread over the addresses 127.0.0.2–9; 0 runs the keyed load alone, for comparison.
        var floodConnections = int.TryParse(Environment.GetEnvironmentVariable("BEHAVIORGRAPH_SOAK_FLOOD"), CultureInfo.InvariantCulture, out var given) && given >= 0 ? given : 8;
        var floodAddresses = Math.Min(floodConnections, 8);
        using var dir = new TempDirectory();
        dir.Write("schedules.json", """{ "schedules": [] }""");
        const string store = "sqlite:./s.db";
        foreach (var step in new[]
        {
            new[] { "generate", "--out", "syn", "--accounts", "1000", "--seed", "5" },
            ["ingest", "syn/events.csv", "--store", store],
            ["analyze", "--store", store],
            ["train", "--labels", "syn/labels.csv", "--folds", "2", "--min-labels", "2", "--min-auc", "0", "--store", store],
            ["score", "--store", store],
        })
        {
            var run = await Bgraph.RunAsync(dir.Path, [.. step, "--json"]);
            Assert.True(run.ExitCode == 0, $"{string.Join(' ', step)}: {run.Stderr}");
        }

        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var role in new[] { "enforcement", "analyst", "admin" })
        {
            keys[role] = await ServeProcess.CreateKeyAsync(dir.Path, store, role, "soak-" + role);
        }

        var accounts = await ScoredAccountsAsync(dir.File("s.db"));
        var clusters = await ClusterIdsAsync(dir.File("s.db"));
        await using var serve = await ServeProcess.StartAsync(dir.Path, "--store", store, "--schedules", "schedules.json", "--rate-limit", (rate * 2).ToString(CultureInfo.InvariantCulture));
        using var keyed = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = serve.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var load = new KeyedLoad(keyed, keys, accounts, clusters);

        // Warm up (JIT, caches, pools) before the memory baseline.
        await load.RunAsync(rate, TimeSpan.FromSeconds(3), CancellationToken.None);
        load.Reset();
        var outputBefore = serve.OutputBytes;
        var linesBefore = serve.OutputLines;
        using var stop = new CancellationTokenSource();
        var flood = Enumerable.Range(0, floodConnections).Select(i => FloodAsync(serve.BaseAddress, IPAddress.Parse($"127.0.0.{2 + (i % 8)}"), stop.Token)).ToList();
        var memory = new List<long>();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                memory.Add(serve.RssBytes());
                await Task.Delay(500, CancellationToken.None);
            }
        });
        var clock = Stopwatch.StartNew();
        await load.RunAsync(rate, TimeSpan.FromSeconds(seconds), CancellationToken.None);
        var elapsed = clock.Elapsed;
        await stop.CancelAsync();
        var flooded = (await Task.WhenAll(flood)).Aggregate(
            (Sent: 0L, Unauthorized: 0L, Limited: 0L, Other: 0L), (a, b) => (a.Sent + b.Sent, a.Unauthorized + b.Unauthorized, a.Limited + b.Limited, a.Other + b.Other));
        await sampler;
        var logBytes = serve.OutputBytes - outputBefore;
        var logLines = serve.OutputLines - linesBefore;

        var third = Math.Max(1, memory.Count / 3);
        var early = memory.Take(third).Max();
        var late = memory.Skip(memory.Count - third).Max();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{elapsed.TotalSeconds:F1} s; keyed: {load.Sent:N0} requests ({load.Sent / elapsed.TotalSeconds:N0}/s of {rate:N0}/s asked), {load.Errors.Count} errors, " +
            $"latency p50 {load.Percentile(0.50):F2} ms, p99 {load.Percentile(0.99):F2} ms, p99.9 {load.Percentile(0.999):F2} ms; by kind {load.Describe()}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"flood: {flooded.Sent:N0} requests ({flooded.Sent / elapsed.TotalSeconds:N0}/s) over {floodConnections} connections from {floodAddresses} addresses: {flooded.Unauthorized:N0} × 401, {flooded.Limited:N0} × 429, {flooded.Other} other"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"service log: {logBytes:N0} bytes in {logLines} lines; RSS first third max {early / 1048576.0:F1} MiB, last third max {late / 1048576.0:F1} MiB ({memory.Count} samples)"));
        output.WriteLine("last log lines:\n" + string.Join("\n", serve.Tail.Split('\n').TakeLast(5)));

        Assert.True(load.Errors.Count == 0, "keyed clients saw errors: " + string.Join("; ", load.Errors.Take(10)));
        Assert.True(load.Sent > 0);
        // The flood gets no more 401s than its budgets allow (10/s, bursts to 20, per address; 100/s, bursts to 200, in
        // all), however fast it goes; the rest are 429. A slow machine floods less, so fewer 429s, never more 401s.
        var window = elapsed.TotalSeconds + 1;
        var allowed = Math.Min(floodAddresses * (20 + (10 * window)), 200 + (100 * window));
        Assert.True(flooded.Unauthorized <= allowed, $"{flooded.Unauthorized} × 401 for a budget of {allowed:F0}");
        Assert.Equal(0, flooded.Other);

        // One summary line per 10 s interval plus a few lines of its own: bounded however large the flood.
        Assert.True(logLines <= 4 + (2 * (long)Math.Ceiling(elapsed.TotalSeconds / 10)), $"{logLines} log lines:\n{serve.Tail}");
        Assert.True(logBytes <= 4096 * (1 + (long)Math.Ceiling(elapsed.TotalSeconds / 10)), $"{logBytes} bytes of log");
        // Flat: the last third of the run stays within 30% (plus 48 MiB for the collector's slack) of the first third.
        Assert.True(late <= (early * 1.3) + (48L << 20), $"RSS grew from {early / 1048576.0:F1} MiB to {late / 1048576.0:F1} MiB");
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    private static async Task<List<string>> ScoredAccountsAsync(string db)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        return [.. await connection.QueryAsync<string>("SELECT account FROM scores WHERE run_id = (SELECT max(id) FROM score_runs WHERE completed_at IS NOT NULL) ORDER BY account")];
    }

    private static async Task<List<string>> ClusterIdsAsync(string db)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        return [.. await connection.QueryAsync<string>("SELECT id FROM clusters WHERE run_id = (SELECT max(id) FROM analysis_runs WHERE completed_at IS NOT NULL) ORDER BY id")];
    }

    /// <summary>Requests with a new random key each, as fast as one connection from <paramref name="from"/> goes.</summary>
    private static async Task<(long Sent, long Unauthorized, long Limited, long Other)> FloodAsync(Uri address, IPAddress from, CancellationToken stop)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                socket.Bind(new IPEndPoint(from, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        using var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        long sent = 0, unauthorized = 0, limited = 0, other = 0;
        while (!stop.IsCancellationRequested)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/accounts/u1/risk");
            request.Headers.Add("X-Api-Key", "bg_" + Convert.ToHexString(Guid.NewGuid().ToByteArray()));
            try
            {
                using var response = await client.SendAsync(request, CancellationToken.None);
                sent++;
                switch (response.StatusCode)
                {
                    case HttpStatusCode.Unauthorized:
                        unauthorized++;
                        break;
                    case HttpStatusCode.TooManyRequests:
                        limited++;
                        break;
                    default:
                        other++;
                        break;
                }
            }
            catch (HttpRequestException)
            {
                other++;
            }
        }

        return (sent, unauthorized, limited, other);
    }

    /// <summary>
    /// Keyed clients' mix, paced to a rate: risk lookups (enforcement), batch lookups, clusters, neighbourhoods and
    /// labels (analyst), small event batches (admin). Every answer must be the success the request expects.
    /// </summary>
    private sealed class KeyedLoad(HttpClient client, Dictionary<string, string> keys, List<string> accounts, List<string> clusters)
    {
        private readonly List<double> _latencies = [];
        private readonly Dictionary<string, long> _byKind = new(StringComparer.Ordinal);
        private long _sent;
        private long _eventIds;

        public List<string> Errors { get; } = [];

        public long Sent => Interlocked.Read(ref _sent);

        public void Reset()
        {
            lock (_latencies)
            {
                _latencies.Clear();
                _byKind.Clear();
                Errors.Clear();
            }

            Interlocked.Exchange(ref _sent, 0);
        }

        public double Percentile(double p)
        {
            lock (_latencies)
            {
                if (_latencies.Count == 0)
                {
                    return 0;
                }

                _latencies.Sort();
                return _latencies[Math.Min(_latencies.Count - 1, (int)(p * _latencies.Count))];
            }
        }

        public string Describe()
        {
            lock (_latencies)
            {
                return string.Join(", ", _byKind.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {k.Value:N0}"));
            }
        }

        /// <summary>Starts one request every 1/<paramref name="rate"/> s for <paramref name="duration"/>, at most 64 in flight.</summary>
        public async Task RunAsync(int rate, TimeSpan duration, CancellationToken cancellationToken)
        {
            using var inFlight = new SemaphoreSlim(64);
            var tasks = new List<Task>();
            var clock = Stopwatch.StartNew();
            var random = new Random(17);
            for (long n = 0; clock.Elapsed < duration; n++)
            {
                var due = TimeSpan.FromSeconds((double)n / rate);
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed, cancellationToken);
                }

                await inFlight.WaitAsync(cancellationToken);
                var roll = random.Next(100);
                var account = accounts[random.Next(accounts.Count)];
                var seed = random.Next();
                tasks.Add(Task.Run(async () =>
                {
                    try
                    {
                        await SendAsync(roll, account, seed);
                    }
                    finally
                    {
                        inFlight.Release();
                    }
                }, cancellationToken));
                if (tasks.Count > 4096)
                {
                    tasks.RemoveAll(t => t.IsCompleted);
                }
            }

            await Task.WhenAll(tasks);
        }

        private async Task SendAsync(int roll, string account, int seed)
        {
            var (kind, role, request, expected) = roll switch
            {
                < 84 => ("risk", "enforcement", new HttpRequestMessage(HttpMethod.Get, $"/v1/accounts/{Uri.EscapeDataString(account)}/risk"), HttpStatusCode.OK),
                < 88 => ("batch", "enforcement", Json(HttpMethod.Post, "/v1/accounts/risk:batch", $$"""{"accounts":["{{account}}","{{accounts[seed % accounts.Count]}}"]}"""), HttpStatusCode.OK),
                < 92 => ("cluster", "analyst", new HttpRequestMessage(HttpMethod.Get, clusters.Count == 0 ? "/v1/clusters" : $"/v1/clusters/{clusters[seed % clusters.Count]}"), HttpStatusCode.OK),
                < 95 => ("neighborhood", "analyst", new HttpRequestMessage(HttpMethod.Get, $"/v1/accounts/{Uri.EscapeDataString(account)}/neighborhood?limit=50"), HttpStatusCode.OK),
                < 98 => ("label", "analyst", Json(HttpMethod.Post, "/v1/labels", $$"""{"account":"{{account}}","label":"{{(seed % 2 == 0 ? "benign" : "abusive")}}","note":"soak"}"""), HttpStatusCode.Created),
                _ => ("events", "admin", Json(HttpMethod.Post, "/v1/events", Events()), HttpStatusCode.OK),
            };
            request.Headers.Add("X-Api-Key", keys[role]);
            var start = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                lock (_latencies)
                {
                    _latencies.Add(ms);
                    _byKind[kind] = _byKind.GetValueOrDefault(kind) + 1;
                    if (response.StatusCode != expected)
                    {
                        Errors.Add($"{kind} {request.RequestUri}: {(int)response.StatusCode}");
                    }
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                lock (_latencies)
                {
                    Errors.Add($"{kind} {request.RequestUri}: {ex.Message}");
                }
            }
            finally
            {
                Interlocked.Increment(ref _sent);
                request.Dispose();
            }
        }

        private string Events()
        {
            var text = new StringBuilder("[");
            for (var i = 0; i < 5; i++)
            {
                var id = Interlocked.Increment(ref _eventIds);
                text.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? "," : "")}{{\"event_id\":\"soak-{id}\",\"ts\":{1772390711 + id},\"type\":\"login\",\"actor\":\"soak-a{id % 100}\"}}");
            }

            return text.Append(']').ToString();
        }

        private static HttpRequestMessage Json(HttpMethod method, string path, string body) =>
            new(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}
