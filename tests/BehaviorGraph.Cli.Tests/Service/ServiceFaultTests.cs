using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BehaviorGraph.Cli.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace BehaviorGraph.Cli.Tests.Service;

/// <summary>
/// The service killed with SIGKILL while it writes: during <c>POST /v1/events</c> and during an analyze job. Each
/// ends with nothing lost and nothing duplicated (whole batches or the previous run only; re-posting or re-running
/// equals a clean run) and a clear error for whoever waited on the work.
/// </summary>
public sealed class ServiceFaultTests(ITestOutputHelper output)
{
    private const string Schedules = """{ "schedules": [] }""";

    [Fact]
    public async Task KilledDuringPostEvents_LeavesWholeBatches_AndRepostingEqualsACleanRun()
    {
        using var dir = new TempDirectory();
        dir.Write("schedules.json", Schedules);
        var (body, count) = EventsBody();
        await File.WriteAllBytesAsync(dir.File("events.jsonl"), body);

        // The kill must land between two committed batches; on a fast machine a try may finish first, so it is tried afresh.
        for (var attempt = 1; ; attempt++)
        {
            var store = $"attempt{attempt}.db";
            var key = await ServeProcess.CreateKeyAsync(dir.Path, "sqlite:./" + store, "admin", "poster");
            var killed = false;
            await using (var serve = await ServeProcess.StartAsync(dir.Path, "--store", "sqlite:./" + store, "--schedules", "schedules.json", "--no-jobs"))
            {
                using var client = Client(serve, key);
                var post = client.PostAsync("/v1/events", new ByteArrayContent(body) { Headers = { { "Content-Type", "application/x-ndjson" } } });
                while (!post.IsCompleted)
                {
                    var done = await CommittedLinesAsync(dir.File(store));
                    if (done > 0 && done < count)
                    {
                        await serve.KillAsync();
                        killed = true;
                        break;
                    }

                    await Task.Delay(5);
                }

                if (killed)
                {
                    // The poster is told the request failed (the connection died), never that it succeeded.
                    var failure = await Record.ExceptionAsync(() => post);
                    Assert.IsAssignableFrom<HttpRequestException>(failure);
                }
                else
                {
                    (await post).Dispose();
                }
            }

            // Whole batches only: the log holds exactly the first N lines of the body, N the last committed line.
            var (committed, events, ids) = await ReadLogAsync(dir.File(store));
            if (!killed || committed == count)
            {
                Assert.True(attempt < 5, "five posts completed before the kill could land between two batches");
                continue;
            }

            Assert.True(committed > 0, $"{committed} of {count} lines committed");
            output.WriteLine($"attempt {attempt}: killed with {committed:N0} of {count:N0} lines committed");
            Assert.Equal(committed, events);
            Assert.Equal(Enumerable.Range(1, (int)committed).Select(Id), ids);

            await using (var again = await ServeProcess.StartAsync(dir.Path, "--store", "sqlite:./" + store, "--schedules", "schedules.json", "--no-jobs"))
            {
                using var client = Client(again, key);
                using var repost = await client.PostAsync("/v1/events", new ByteArrayContent(body) { Headers = { { "Content-Type", "application/x-ndjson" } } });
                var report = JsonDocument.Parse(await repost.Content.ReadAsStringAsync()).RootElement;
                Assert.Equal(HttpStatusCode.OK, repost.StatusCode);
                Assert.Equal(count - committed, report.GetProperty("ingested").GetInt64());
            }

            var clean = await Bgraph.RunAsync(dir.Path, "ingest", "events.jsonl", "--store", "sqlite:./clean.db", "--json");
            Assert.True(clean.ExitCode == 0, clean.Stderr);
            Assert.Equal(await StoreChecksum.OfAsync(dir.File("clean.db")), await StoreChecksum.OfAsync(dir.File(store)));
            return;
        }
    }

    [Fact]
    public async Task KilledDuringAnAnalyzeJob_ReadersKeepThePreviousRun_TheJobSaysItsServerStopped_AndARerunEqualsACleanRun()
    {
        using var dir = new TempDirectory();
        dir.Write("schedules.json", Schedules);
        Assert.Equal(0, (await Bgraph.RunAsync(dir.Path, "generate", "--out", "syn", "--accounts", "3000", "--seed", "3", "--json")).ExitCode);
        Assert.Equal(0, (await Bgraph.RunAsync(dir.Path, "ingest", "syn/events.csv", "--store", "sqlite:./s.db", "--json")).ExitCode);
        Assert.Equal(0, (await Bgraph.RunAsync(dir.Path, "analyze", "--store", "sqlite:./s.db", "--json")).ExitCode);
        File.Copy(dir.File("s.db"), dir.File("clean.db"));
        var key = await ServeProcess.CreateKeyAsync(dir.Path, "sqlite:./s.db", "admin", "operator");

        string killedJob;
        string clustersBefore;
        await using (var serve = await ServeProcess.StartAsync(dir.Path, "--store", "sqlite:./s.db", "--schedules", "schedules.json", "--workers", "1"))
        {
            using var client = Client(serve, key);
            clustersBefore = await client.GetStringAsync("/v1/clusters?limit=1000");
            killedJob = await TriggerAsync(client, "analyze");
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (await IncompleteRunsAsync(dir.File("s.db")) == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "the analyze job never began a run: " + serve.Tail);
                await Task.Delay(5);
            }

            await serve.KillAsync();
        }

        // Nothing half-written is visible: one complete run (the one from before), the killed one left incomplete.
        Assert.Equal((1, 1), (await CompleteRunsAsync(dir.File("s.db")), await IncompleteRunsAsync(dir.File("s.db"))));

        await using (var again = await ServeProcess.StartAsync(dir.Path, "--store", "sqlite:./s.db", "--schedules", "schedules.json", "--workers", "1"))
        {
            using var client = Client(again, key);
            Assert.Equal(clustersBefore, await client.GetStringAsync("/v1/clusters?limit=1000"));
            var stale = await client.GetFromJsonAsync<JsonElement>($"/v1/jobs/runs/{killedJob}");
            Assert.Equal("Processing", stale.GetProperty("state").GetString());
            Assert.Contains("stopped while running this job", stale.GetProperty("reason").GetString(), StringComparison.Ordinal);

            // The operator runs it again; the killed job's lock expires (30 s) and the new run completes.
            var rerun = await WaitAsync(client, await TriggerAsync(client, "analyze"), TimeSpan.FromMinutes(4));
            Assert.True(rerun.GetProperty("state").GetString() == "Succeeded", rerun.ToString());
            output.WriteLine("killed job: " + stale.GetProperty("reason").GetString());
            output.WriteLine("re-run: " + rerun.GetProperty("result").GetString());
        }

        var cleanRun = await Bgraph.RunAsync(dir.Path, "analyze", "--store", "sqlite:./clean.db", "--json");
        Assert.True(cleanRun.ExitCode == 0, cleanRun.Stderr);
        Assert.Equal((2, 1), (await CompleteRunsAsync(dir.File("s.db")), await IncompleteRunsAsync(dir.File("s.db"))));
        Assert.Equal(await LatestRunAsync(dir.File("clean.db")), await LatestRunAsync(dir.File("s.db")));
    }

    private static HttpClient Client(ServeProcess serve, string key)
    {
        var client = new HttpClient { BaseAddress = serve.BaseAddress, Timeout = TimeSpan.FromMinutes(3) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static string Id(int line) => $"k{line:D7}";

    /// <summary>A JSON Lines body of about 9 MB: short, valid, distinct events.</summary>
    private static (byte[] Body, long Count) EventsBody()
    {
        var text = new StringBuilder();
        var count = 0;
        while (text.Length < 9 * 1024 * 1024)
        {
            count++;
            text.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"{{\"event_id\":\"{Id(count)}\",\"ts\":{1772390711 + count},\"type\":\"follow\",\"actor\":\"a{count % 5000}\",\"target\":\"a{(count * 7) % 5000}\"}}\n");
        }

        return (Encoding.UTF8.GetBytes(text.ToString()), count);
    }

    private static async Task<long?> CommittedLinesAsync(string db)
    {
        if (!File.Exists(db))
        {
            return null;
        }

        try
        {
            await using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False;Default Timeout=1");
            return await connection.ExecuteScalarAsync<long?>("SELECT max(last_line) FROM ingest_sources WHERE completed_at IS NULL");
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    private static async Task<(long Committed, long Events, List<string> Ids)> ReadLogAsync(string db)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        var committed = await connection.ExecuteScalarAsync<long>("SELECT last_line FROM ingest_sources");
        var ids = (await connection.QueryAsync<string>("SELECT event_id FROM events ORDER BY event_id")).ToList();
        return (committed, ids.Count, ids);
    }

    private static async Task<int> CompleteRunsAsync(string db)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM analysis_runs WHERE completed_at IS NOT NULL");
    }

    private static async Task<int> IncompleteRunsAsync(string db)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Pooling=False;Default Timeout=5");
        return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM analysis_runs WHERE completed_at IS NULL");
    }

    /// <summary>The latest complete run's clusters (with members) and feature rows, as text, without run ids.</summary>
    private static async Task<string> LatestRunAsync(string db)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        var run = await connection.ExecuteScalarAsync<long>("SELECT max(id) FROM analysis_runs WHERE completed_at IS NOT NULL");
        var clusters = await connection.QueryAsync<string>(
            "SELECT id || '|' || kind || '|' || score || '|' || size || '|' || evidence || '|' || figures FROM clusters WHERE run_id = @run ORDER BY id", new { run });
        var members = await connection.QueryAsync<string>(
            "SELECT cluster_id || '|' || account FROM cluster_members WHERE run_id = @run ORDER BY cluster_id, account", new { run });
        var features = await connection.QueryAsync<string>(
            "SELECT account || '|' || hex(vals) FROM account_features WHERE run_id = @run ORDER BY account", new { run });
        return string.Join("\n", clusters.Concat(members).Concat(features));
    }

    private static async Task<string> TriggerAsync(HttpClient client, string job)
    {
        using var response = await client.PostAsync($"/v1/jobs/{job}/trigger", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()!;
    }

    private static async Task<JsonElement> WaitAsync(HttpClient client, string jobId, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var run = await client.GetFromJsonAsync<JsonElement>($"/v1/jobs/runs/{jobId}");
            if (run.GetProperty("state").GetString() is "Succeeded" or "Failed" or "Deleted" || DateTime.UtcNow > deadline)
            {
                return run;
            }

            await Task.Delay(250);
        }
    }
}
