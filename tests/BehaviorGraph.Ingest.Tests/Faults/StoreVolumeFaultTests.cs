using BehaviorGraph.Ingest.Tests.Support;
using BehaviorGraph.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace BehaviorGraph.Ingest.Tests.Faults;

/// <summary>
/// The embedded store on a volume that fills up or is read-only (a tmpfs the test mounts; skipped where it cannot):
/// ingest fails with a message that says what happened and how far it got, nothing is half-written, and once the
/// volume is usable again a re-run gives exactly what a clean ingest gives.
/// </summary>
public sealed class StoreVolumeFaultTests(ITestOutputHelper output)
{
    private const int Rows = 60_000;
    private static readonly IngestOptions Options = IngestOptions.Default with { BatchSize = 4_000 };

    [SkippableFact]
    public async Task Ingest_OntoAVolumeThatFillsUp_FailsClearly_AndAfterMakingRoomARerunGivesTheCleanResult()
    {
        using var volume = ScratchVolume.TryCreate(3 << 20, out var whyNot);
        Skip.If(volume is null, whyNot);
        using var data = new TempDirectory();
        var events = data.Write("events.csv", EventsCsv(Rows));
        var clean = await CleanIngestAsync(data, events);
        var dbPath = volume.File("store.db");

        var store = await SqliteBehaviorStore.OpenAsync(dbPath, CancellationToken.None);
        var error = await Assert.ThrowsAsync<IngestStoreException>(
            () => new EventIngestor(store.Ingest).IngestFileAsync(events, Options, null, CancellationToken.None));
        await DisposeQuietlyAsync(store);

        output.WriteLine(error.Message);
        Assert.Contains("full", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(error.CommittedThroughLine > 0 ? "resumes after them" : "starts from the beginning", error.Message, StringComparison.Ordinal);
        Assert.InRange(error.CommittedThroughLine, 0, Rows);
        volume.Remount(readOnly: false, sizeBytes: 256 << 20);
        var committed = error.CommittedThroughLine == 0 ? 0 : error.CommittedThroughLine - 1;
        Assert.Equal(committed, (await StoreSnapshot.ReadAsync(dbPath)).EventCount);

        await using (var reopened = await SqliteBehaviorStore.OpenAsync(dbPath, CancellationToken.None))
        {
            var rerun = await new EventIngestor(reopened.Ingest).IngestFileAsync(events, Options, null, CancellationToken.None);
            Assert.Equal((committed, Rows - committed, 0L), (rerun.SkippedRows, rerun.Ingested, rerun.Duplicates));
        }

        Assert.Equal(clean, await StoreSnapshot.ReadAsync(dbPath));
    }

    [SkippableFact]
    public async Task Ingest_OntoAReadOnlyVolume_FailsClearly_ChangesNothing_AndOnceWritableARerunGivesTheCleanResult()
    {
        using var volume = ScratchVolume.TryCreate(64 << 20, out var whyNot);
        Skip.If(volume is null, whyNot);
        using var data = new TempDirectory();
        var first = data.Write("first.csv", EventsCsv(5_000));
        var second = data.Write("second.csv", EventsCsv(20_000));
        var dbPath = volume.File("store.db");
        await using (var store = await SqliteBehaviorStore.OpenAsync(dbPath, CancellationToken.None))
        {
            await new EventIngestor(store.Ingest).IngestFileAsync(first, Options, null, CancellationToken.None);
        }

        SqliteConnection.ClearAllPools();
        var before = await StoreSnapshot.ReadAsync(dbPath);
        var bytesBefore = await File.ReadAllBytesAsync(dbPath);
        volume.Remount(readOnly: true);

        var error = await Record.ExceptionAsync(async () =>
        {
            await using var store = await SqliteBehaviorStore.OpenAsync(dbPath, CancellationToken.None);
            await new EventIngestor(store.Ingest).IngestFileAsync(second, Options, null, CancellationToken.None);
        });

        Assert.NotNull(error);
        output.WriteLine(error.Message);
        // Whether SQLite refuses the open or the first write depends on whether its shared-memory file is still there.
        Assert.Matches("readonly database|unable to open database file", error.Message);
        SqliteConnection.ClearAllPools();
        Assert.Equal(bytesBefore, await File.ReadAllBytesAsync(dbPath));
        volume.Remount(readOnly: false);
        Assert.Equal(before, await StoreSnapshot.ReadAsync(dbPath));

        await using (var store = await SqliteBehaviorStore.OpenAsync(dbPath, CancellationToken.None))
        {
            var rerun = await new EventIngestor(store.Ingest).IngestFileAsync(second, Options, null, CancellationToken.None);
            Assert.Equal((15_000L, 5_000L), (rerun.Ingested, rerun.Duplicates));
        }

        using var cleanDirectory = new TempDirectory();
        var cleanDb = cleanDirectory.File("clean.db");
        await using (var clean = await SqliteBehaviorStore.OpenAsync(cleanDb, CancellationToken.None))
        {
            await new EventIngestor(clean.Ingest).IngestFileAsync(first, Options, null, CancellationToken.None);
            await new EventIngestor(clean.Ingest).IngestFileAsync(second, Options, null, CancellationToken.None);
        }

        Assert.Equal(await StoreSnapshot.ReadAsync(cleanDb), await StoreSnapshot.ReadAsync(dbPath));
    }

    /// <summary>Rows with event ids that repeat between files of different sizes (a file of N rows holds the first N).</summary>
    internal static string EventsCsv(int rows) =>
        "event_id,ts,type,actor,target,target_kind,value,device,ip\n" + string.Concat(Enumerable.Range(0, rows).Select(i =>
            i % 3 == 0
                ? $"e{i},{1_700_000_000 + i},rate,a{i % 211},a{i % 223},,{i % 21 - 10},d{i % 17},10.{i % 7}.0.1\n"
                : $"e{i},{1_700_000_000 + i},like,a{i % 211},c{i % 307},,,d{i % 17},\n"));

    private static async Task<StoreSnapshot> CleanIngestAsync(TempDirectory data, string events)
    {
        var dbPath = data.File("clean.db");
        await using (var store = await SqliteBehaviorStore.OpenAsync(dbPath, CancellationToken.None))
        {
            await new EventIngestor(store.Ingest).IngestFileAsync(events, Options, null, CancellationToken.None);
        }

        return await StoreSnapshot.ReadAsync(dbPath);
    }

    private static async Task DisposeQuietlyAsync(Core.Storage.IBehaviorStore store)
    {
        try
        {
            await store.DisposeAsync();
        }
        catch (SqliteException)
        {
            // Closing checkpoints the WAL, which a full volume may refuse; the rolled-back batch is not in it.
        }

        SqliteConnection.ClearAllPools();
    }
}
