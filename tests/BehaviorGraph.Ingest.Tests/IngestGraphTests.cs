using BehaviorGraph.Ingest.Tests.Support;

namespace BehaviorGraph.Ingest.Tests;

public sealed class IngestGraphTests
{
    private const string Header = "event_id,ts,type,actor,target,target_kind,value,device,ip\n";

    [Fact]
    public async Task Ingest_AggregatesEdgesPerSourceTargetAndType()
    {
        await using var fx = await StoreFixture.CreateAsync();
        var path = fx.Directory.Write("events.csv", Header +
            "e1,2024-01-01T00:00:00Z,follow,a1,a2,,,d1,10.0.0.1\n" +
            "e2,2024-01-01T01:00:00Z,follow,a1,a2,,,d1,10.0.0.1\n" +
            "e3,2024-01-01T02:00:00Z,rate,a1,a2,,-4,,\n" +
            "e4,2024-01-01T03:00:00Z,rate,a1,a2,,2.5,,\n" +
            "e5,2024-01-01T04:00:00Z,post,a2,c9,,,,\n" +
            "e6,2024-01-01T05:00:00Z,like,a1,c9,,,d2,\n" +
            "e7,2024-01-01T06:00:00Z,signup,a3,,,,d1,\n");

        var report = await fx.IngestAsync(path);

        Assert.Equal(7, report.Ingested);
        var edges = await fx.QueryAsync<(string Src, string Dst, string Type, long Count, long First, long Last, double Sum)>(
            """
            SELECT s.key, d.key, e.type, e.count, e.first_ts, e.last_ts, e.value_sum
            FROM edges e JOIN nodes s ON s.id = e.src JOIN nodes d ON d.id = e.dst ORDER BY s.key, d.key, e.type
            """);
        const long h = 3_600_000;
        const long t0 = 1_704_067_200_000;
        Assert.Equal(
            [
                ("a1", "10.0.0.1", "uses_ip", 2L, t0, t0 + h, 0d),
                ("a1", "a2", "follow", 2L, t0, t0 + h, 0d),
                ("a1", "a2", "rate", 2L, t0 + 2 * h, t0 + 3 * h, -1.5d),
                ("a1", "c9", "like", 1L, t0 + 5 * h, t0 + 5 * h, 0d),
                ("a1", "d1", "uses_device", 2L, t0, t0 + h, 0d),
                ("a1", "d2", "uses_device", 1L, t0 + 5 * h, t0 + 5 * h, 0d),
                ("a2", "c9", "post", 1L, t0 + 4 * h, t0 + 4 * h, 0d),
                ("a3", "d1", "uses_device", 1L, t0 + 6 * h, t0 + 6 * h, 0d),
            ],
            edges);
        var nodes = await fx.QueryAsync<(long Kind, string Key, long First, long Last)>("SELECT kind, key, first_seen, last_seen FROM nodes ORDER BY kind, key");
        Assert.Equal(
            [
                (1L, "a1", t0, t0 + 5 * h), (1L, "a2", t0, t0 + 4 * h), (1L, "a3", t0 + 6 * h, t0 + 6 * h),
                (2L, "c9", t0 + 4 * h, t0 + 5 * h),
                (3L, "d1", t0, t0 + 6 * h), (3L, "d2", t0 + 5 * h, t0 + 5 * h),
                (4L, "10.0.0.1", t0, t0 + h),
            ],
            nodes);
    }

    [Fact]
    public async Task Ingest_TwiceTheSameFile_IsSkippedTheSecondTime_AndForcedReingestCountsOnlyDuplicates()
    {
        await using var fx = await StoreFixture.CreateAsync();
        var path = fx.Directory.Write("events.csv", Header +
            ",2024-01-01T00:00:00Z,follow,a1,a2,,,,\n" +
            ",2024-01-01T00:00:01Z,like,a1,c1,,,,\n" +
            ",2024-01-01T00:00:01Z,like,a1,c1,,,,\n");

        var first = await fx.IngestAsync(path);
        var second = await fx.IngestAsync(path);
        var forced = await fx.IngestAsync(path, IngestOptions.Default with { Force = true });

        Assert.Equal((3L, 2L, 1L), (first.Read, first.Ingested, first.Duplicates));
        Assert.True(second.AlreadyComplete);
        Assert.Equal(0, second.Read);
        Assert.Equal((3L, 0L, 3L), (forced.Read, forced.Ingested, forced.Duplicates));
        Assert.Equal(2L, await fx.QueryScalarAsync<long>("SELECT count(*) FROM events"));
        Assert.Equal(2L, await fx.QueryScalarAsync<long>("SELECT sum(count) FROM edges"));
    }

    [Fact]
    public async Task Ingest_OverlappingFiles_YieldTheSameLogAndGraphAsTheirUnion()
    {
        var rows = Enumerable.Range(0, 40)
            .Select(i => $",2024-01-01T00:{i:00}:00Z,{(i % 2 == 0 ? "follow" : "rate")},a{i % 7},a{(i * 3) % 5},,{(i % 2 == 0 ? "" : (i % 11 - 5).ToString(System.Globalization.CultureInfo.InvariantCulture))},d{i % 3},")
            .ToList();
        await using var split = await StoreFixture.CreateAsync();
        await using var whole = await StoreFixture.CreateAsync();
        var first = split.Directory.Write("first.csv", Header + string.Join('\n', rows.Take(30)) + "\n");
        var second = split.Directory.Write("second.csv", Header + string.Join('\n', rows.Skip(10)) + "\n");
        var all = whole.Directory.Write("all.csv", Header + string.Join('\n', rows) + "\n");

        await split.IngestAsync(first);
        var overlap = await split.IngestAsync(second);
        await whole.IngestAsync(all);

        Assert.Equal(20, overlap.Duplicates);
        const string edgeSql = "SELECT s.key || '>' || d.key || ':' || e.type || '=' || e.count || '/' || e.value_sum || '/' || e.first_ts || '/' || e.last_ts FROM edges e JOIN nodes s ON s.id = e.src JOIN nodes d ON d.id = e.dst ORDER BY 1";
        Assert.Equal(await whole.QueryAsync<string>(edgeSql), await split.QueryAsync<string>(edgeSql));
        Assert.Equal(await whole.QueryAsync<string>("SELECT event_id FROM events ORDER BY 1"), await split.QueryAsync<string>("SELECT event_id FROM events ORDER BY 1"));
    }

    [Fact]
    public async Task Ingest_CancelledMidFile_StopsWithWholeBatchesOnly_AndARerunCompletesIt()
    {
        await using var fx = await StoreFixture.CreateAsync();
        var path = fx.Directory.Write("events.csv", Header + string.Join('\n',
            Enumerable.Range(0, 50_000).Select(i => $"e{i},{1_700_000_000 + i},follow,a{i % 101},a{i % 103},,,d{i % 7},")) + "\n");
        using var cancel = new CancellationTokenSource();

        var ingest = fx.Ingestor.IngestFileAsync(path, IngestOptions.Default with { BatchSize = 1_000 }, new CancelOnFirstWrite(cancel), cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ingest.WaitAsync(TimeSpan.FromMinutes(2)));
        var events = await fx.QueryScalarAsync<long>("SELECT count(*) FROM events");
        var recorded = await fx.QueryScalarAsync<long>("SELECT inserted FROM ingest_sources");
        Assert.InRange(events, 1_000, 49_000);
        Assert.Equal(0, events % 1_000);
        Assert.Equal(recorded, events);

        var rerun = await fx.IngestAsync(path, IngestOptions.Default with { BatchSize = 1_000 });

        Assert.Equal(50_000 - events, rerun.Ingested);
        Assert.Equal(50_000L, await fx.QueryScalarAsync<long>("SELECT count(*) FROM events"));
        Assert.Equal(50_000L, await fx.QueryScalarAsync<long>("SELECT sum(count) FROM edges WHERE type = 'follow'"));
    }

    [Fact]
    public async Task Ingest_ResumesAfterTheLastCommittedBatch_WhenASourceWasInterrupted()
    {
        await using var fx = await StoreFixture.CreateAsync();
        var path = fx.Directory.Write("events.csv", Header + string.Join('\n',
            Enumerable.Range(0, 10).Select(i => $"e{i},2024-01-01T00:00:{i:00}Z,follow,a{i},a{i + 1},,,,")) + "\n");
        var hash = await SourceHasher.HashFileAsync(path, CancellationToken.None);
        var firstBatch = await SqliteRows(path, 4);
        await fx.Store.Ingest.WriteBatchAsync(new Core.Storage.EventBatch(new Core.Storage.IngestSource(path, hash), firstBatch, [], LastLine: 5), CancellationToken.None);

        var report = await fx.IngestAsync(path, IngestOptions.Default with { BatchSize = 3 });

        Assert.Equal(4, report.SkippedRows);
        Assert.Equal(6, report.Read);
        Assert.Equal(6, report.Ingested);
        Assert.Equal(0, report.Duplicates);
        Assert.Equal(10L, await fx.QueryScalarAsync<long>("SELECT count(*) FROM events"));
        var progress = await fx.Store.Ingest.GetProgressAsync(hash, CancellationToken.None);
        Assert.True(progress!.IsComplete);
        Assert.Equal(11, progress.LastLine);
        Assert.Equal(10, progress.Inserted);
    }

    private static async Task<List<Core.Events.InteractionEvent>> SqliteRows(string path, int count)
    {
        // The rows an interrupted run would have committed: parse them with the same reader.
        await using var stream = File.OpenRead(path);
        return new BehaviorGraph.Ingest.Readers.CsvEventRowReader().ReadChunks(stream, count, 0, CancellationToken.None).First().Events;
    }

    /// <summary>Cancels the ingest as soon as its first batch is committed.</summary>
    private sealed class CancelOnFirstWrite(CancellationTokenSource cancel) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value)
        {
            if (value.Ingested > 0)
            {
                cancel.Cancel();
            }
        }
    }
}
