using System.IO.Hashing;
using System.Text;
using BehaviorGraph.Cli.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BehaviorGraph.Cli.Tests;

public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task Ingest_KilledMidFile_LeavesWholeBatchesOnly_AndARerunMatchesACleanRun()
    {
        using var dir = new TempDirectory();
        var generate = await Bgraph.RunAsync(dir.Path, "generate", "--out", "syn", "--accounts", "8000", "--seed", "11", "--json");
        Assert.True(generate.ExitCode == 0, generate.Stderr);

        using (var child = Bgraph.Start(dir.Path, null, "ingest", "syn/events.csv", "--store", "sqlite:./crashed.db", "--batch-size", "1000", "--json"))
        {
            await WaitForCommittedBatchesAsync(dir.File("crashed.db"), minimumLines: 5_000, child);
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }

        var (events, recorded, complete) = await ReadProgressAsync(dir.File("crashed.db"));
        Assert.False(complete, $"The ingest completed ({events} events) before it was killed.");
        Assert.Equal(recorded, events);
        Assert.Equal(0, events % 1000);

        var rerun = await Bgraph.RunAsync(dir.Path, "ingest", "syn/events.csv", "--store", "sqlite:./crashed.db", "--json");
        var clean = await Bgraph.RunAsync(dir.Path, "ingest", "syn/events.csv", "--store", "sqlite:./clean.db", "--json");

        Assert.True(rerun.ExitCode == 0, rerun.Stderr);
        Assert.True(clean.ExitCode == 0, clean.Stderr);
        Assert.Equal(await ChecksumAsync(dir.File("clean.db")), await ChecksumAsync(dir.File("crashed.db")));
    }

    private static async Task WaitForCommittedBatchesAsync(string dbPath, long minimumLines, System.Diagnostics.Process child)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (child.HasExited)
            {
                Assert.Fail("The ingest finished before it could be interrupted: " + await child.StandardError.ReadToEndAsync());
            }
            if (File.Exists(dbPath))
            {
                try
                {
                    await using var connection = new SqliteConnection($"Data Source={dbPath};Pooling=False;Default Timeout=1");
                    var line = await connection.ExecuteScalarAsync<long?>("SELECT max(last_line) FROM ingest_sources");
                    if (line >= minimumLines)
                    {
                        return;
                    }
                }
                catch (SqliteException)
                {
                    // The schema is still being created.
                }
            }

            await Task.Delay(5);
        }

        Assert.Fail("No batch was committed within three minutes.");
    }

    private static async Task<(long Events, long Recorded, bool Complete)> ReadProgressAsync(string dbPath)
    {
        await using var connection = new SqliteConnection($"Data Source={dbPath}");
        var events = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM events");
        var (recorded, completed) = await connection.QuerySingleAsync<(long, long?)>("SELECT inserted, completed_at FROM ingest_sources");
        return (events, recorded, completed is not null);
    }

    /// <summary>A hash over the event log and the graph, independent of row ids and insertion order.</summary>
    private static async Task<string> ChecksumAsync(string dbPath)
    {
        await using var connection = new SqliteConnection($"Data Source={dbPath};Mode=ReadOnly");
        var hash = new XxHash128();
        foreach (var sql in new[]
        {
            """
            SELECT e.event_id || '|' || e.ts || '|' || e.type || '|' || a.key || '|' || coalesce(t.key, '') || '|' || coalesce(e.value, '')
            FROM events e JOIN nodes a ON a.id = e.actor LEFT JOIN nodes t ON t.id = e.target ORDER BY e.event_id
            """,
            """
            SELECT s.key || '>' || d.key || ':' || e.type || '=' || e.count || '/' || e.first_ts || '/' || e.last_ts || '/' || e.value_sum
            FROM edges e JOIN nodes s ON s.id = e.src JOIN nodes d ON d.id = e.dst ORDER BY 1
            """,
            "SELECT kind || ':' || key || '=' || first_seen || '/' || last_seen FROM nodes ORDER BY 1",
        })
        {
            foreach (var row in await connection.QueryAsync<string>(sql))
            {
                hash.Append(Encoding.UTF8.GetBytes(row + "\n"));
            }
        }

        return Convert.ToHexString(hash.GetCurrentHash());
    }
}
