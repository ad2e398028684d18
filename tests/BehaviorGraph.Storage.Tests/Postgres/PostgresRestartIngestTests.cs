using BehaviorGraph.Core.Storage;
using BehaviorGraph.Ingest;
using BehaviorGraph.Storage.Postgres;
using Dapper;
using Npgsql;
using Xunit.Abstractions;

namespace BehaviorGraph.Storage.Tests.Postgres;

/// <summary>
/// PostgreSQL goes away in the middle of a file and comes back: ingest stops with a message that says how far the file
/// is committed, and ingesting it again gives exactly what a clean ingest gives. Uses a cluster of its own (from the
/// machine's initdb), since it stops the server.
/// </summary>
public sealed class PostgresRestartIngestTests(ITestOutputHelper output)
{
    private const int Rows = 40_000;

    [SkippableFact]
    public async Task Ingest_WhenPostgresRestartsMidFile_FailsClearly_AndARerunGivesExactlyTheCleanResult()
    {
        var bin = LocalPostgresCluster.FindBinDirectory();
        Skip.If(bin is null, "No initdb/pg_ctl on PATH or under /usr/lib/postgresql/*/bin (apt-get install postgresql).");
        await using var cluster = await LocalPostgresCluster.StartAsync(bin, CancellationToken.None);
        var clean = await CreateDatabaseAsync(cluster, "bg_clean");
        var faulty = await CreateDatabaseAsync(cluster, "bg_restarted");
        var path = Path.Combine(Path.GetTempPath(), $"bg-restart-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, EventsCsv(Rows));
        var options = IngestOptions.Default with { BatchSize = 5_000 };
        try
        {
            GraphSnapshot expected;
            await using (var store = await PostgresBehaviorStore.OpenAsync(clean, CancellationToken.None))
            {
                await new EventIngestor(store.Ingest).IngestFileAsync(path, options, null, CancellationToken.None);
                expected = await GraphSnapshot.ReadAsync(store);
            }

            IngestStoreException error;
            await using (var store = await PostgresBehaviorStore.OpenAsync(faulty, CancellationToken.None))
            {
                var stopper = new StopServerAfterFirstBatch(cluster);
                error = await Assert.ThrowsAsync<IngestStoreException>(
                    () => new EventIngestor(store.Ingest).IngestFileAsync(path, options, stopper, CancellationToken.None));
            }

            output.WriteLine(error.Message);
            Assert.Contains("The store failed while writing the batch of lines", error.Message, StringComparison.Ordinal);
            Assert.Contains("are committed; ingesting it again resumes after them", error.Message, StringComparison.Ordinal);
            Assert.InRange(error.CommittedThroughLine, 2, Rows);
            await cluster.StartServerAsync(CancellationToken.None);
            NpgsqlConnection.ClearAllPools();

            await using (var store = await PostgresBehaviorStore.OpenAsync(faulty, CancellationToken.None))
            {
                var rerun = await new EventIngestor(store.Ingest).IngestFileAsync(path, options, null, CancellationToken.None);
                var committed = error.CommittedThroughLine - 1;
                Assert.Equal((committed, Rows - committed, 0L), (rerun.SkippedRows, rerun.Ingested, rerun.Duplicates));
                var actual = await GraphSnapshot.ReadAsync(store);
                Assert.Equal(expected.Events.Order(StringComparer.Ordinal), actual.Events.Order(StringComparer.Ordinal));
                Assert.Equal(expected.Nodes.OrderBy(n => n.Key, StringComparer.Ordinal), actual.Nodes.OrderBy(n => n.Key, StringComparer.Ordinal));
                Assert.Equal(expected.Edges.OrderBy(n => n.Key, StringComparer.Ordinal), actual.Edges.OrderBy(n => n.Key, StringComparer.Ordinal));
            }
        }
        finally
        {
            File.Delete(path);
            NpgsqlConnection.ClearAllPools();
        }
    }

    private static async Task<string> CreateDatabaseAsync(LocalPostgresCluster cluster, string name)
    {
        await using (var connection = new NpgsqlConnection(cluster.ConnectionString))
        {
            await connection.ExecuteAsync($"CREATE DATABASE {name}");
        }

        // Pooled, as in production: the pool's connections die with the server.
        return new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    private static string EventsCsv(int rows) =>
        "event_id,ts,type,actor,target,target_kind,value,device,ip\n" + string.Concat(Enumerable.Range(0, rows).Select(i =>
            i % 3 == 0
                ? $"e{i},{1_700_000_000 + i},rate,a{i % 211},a{i % 223},,{i % 21 - 10},d{i % 17},10.{i % 7}.0.1\n"
                : $"e{i},{1_700_000_000 + i},like,a{i % 211},c{i % 307},,,d{i % 17},\n"));

    /// <summary>Stops the server (fast shutdown) as soon as the first batch is committed, before the next one is written.</summary>
    private sealed class StopServerAfterFirstBatch(LocalPostgresCluster cluster) : IProgress<IngestProgress>
    {
        private bool _stopped;

        public void Report(IngestProgress value)
        {
            if (value.Ingested > 0 && !_stopped)
            {
                _stopped = true;
                cluster.StopServerAsync(CancellationToken.None).GetAwaiter().GetResult();
            }
        }
    }
}
