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
        Assert.Equal(await StoreChecksum.OfAsync(dir.File("clean.db")), await StoreChecksum.OfAsync(dir.File("crashed.db")));
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
}
