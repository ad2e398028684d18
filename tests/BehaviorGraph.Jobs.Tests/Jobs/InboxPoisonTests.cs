using System.Text;
using BehaviorGraph.Jobs.Jobs;
using BehaviorGraph.Storage.Sqlite;
using BehaviorGraph.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace BehaviorGraph.Jobs.Tests.Jobs;

/// <summary>A file that cannot be read never blocks the inbox; a volume that cannot be written fails clearly and loses nothing.</summary>
public sealed class InboxPoisonTests : IAsyncLifetime
{
    private const string Header = "event_id,ts,type,actor,target,target_kind,value,device,ip\n";
    private readonly TempDirectory _directory = new();
    private Core.Storage.IBehaviorStore _store = null!;

    private string Inbox => _directory.File("inbox");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Inbox);
        _store = await SqliteBehaviorStore.OpenAsync(_directory.File("bg.db"), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Scan_MovesFilesThatCannotBeRead_ToFailedWithTheirReasons_AndIngestsTheFilesBehindThem()
    {
        await File.WriteAllTextAsync(Path.Combine(Inbox, "a.csv"), Header + "e1,2026-01-01T00:00:00Z,login,u1,,,,,\n");
        await File.WriteAllTextAsync(Path.Combine(Inbox, "b.csv"), "when,what,who\n2026-01-01T00:00:00Z,login,u9\n");
        await File.WriteAllBytesAsync(Path.Combine(Inbox, "c.csv"), [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Header)]);
        await File.WriteAllTextAsync(Path.Combine(Inbox, "d.jsonl"),
            """{"event_id":"e2","ts":"2026-01-01T00:00:00Z","type":"login","actor":"u\ud800"}""" + "\n" +
            """{"event_id":"e3","ts":"2026-01-01T00:00:00Z","type":"login","actor":"u3"}""" + "\n");
        await File.WriteAllTextAsync(Path.Combine(Inbox, "e.csv"), Header + "e4,2026-01-01T00:00:00Z,login,u4,,,,,\n");
        var ingestor = new InboxIngestor(_store, NullLogger<InboxIngestor>.Instance);

        var report = await ingestor.IngestAsync(Inbox, CancellationToken.None);
        var again = await ingestor.IngestAsync(Inbox, CancellationToken.None);

        Assert.Equal(new InboxReport(3, 0, 3, 0, 1, Failed: 2), report);
        Assert.Equal(new InboxReport(0, 0, 0, 0, 0), again);
        Assert.Equal(["a.csv", "d.jsonl", "e.csv"], Names(Path.Combine(Inbox, "done")));
        Assert.Equal(["b.csv", "b.csv.reason.txt", "c.csv", "c.csv.reason.txt"], Names(Path.Combine(Inbox, "failed")));
        Assert.Contains("lacks required column(s) ts, type, actor", await File.ReadAllTextAsync(Path.Combine(Inbox, "failed", "b.csv.reason.txt")), StringComparison.Ordinal);
        Assert.Contains("UTF-16", await File.ReadAllTextAsync(Path.Combine(Inbox, "failed", "c.csv.reason.txt")), StringComparison.Ordinal);
        Assert.Empty(EventFilesIn(Inbox));
        Assert.Contains("2 file(s) could not be read", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_OfAFailedNameSeenBefore_KeepsBothFailedCopies()
    {
        var ingestor = new InboxIngestor(_store, NullLogger<InboxIngestor>.Instance);
        await File.WriteAllTextAsync(Path.Combine(Inbox, "b.csv"), "nothing,useful\n");
        await ingestor.IngestAsync(Inbox, CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(Inbox, "b.csv"), "still,nothing\n");

        var report = await ingestor.IngestAsync(Inbox, CancellationToken.None);

        Assert.Equal(1, report.Failed);
        Assert.Equal(4, Directory.EnumerateFiles(Path.Combine(Inbox, "failed")).Count());
    }

    [SkippableFact]
    public async Task Scan_OfAReadOnlyInbox_FailsClearly_AndTheScanAfterItIsWritableAgainDuplicatesNothing()
    {
        using var volume = ScratchVolume.TryCreate(8 << 20, out var whyNot);
        Skip.If(volume is null, whyNot);
        var inbox = volume.File("inbox");
        Directory.CreateDirectory(inbox);
        await File.WriteAllTextAsync(Path.Combine(inbox, "a.csv"), Header + string.Concat(Enumerable.Range(0, 500).Select(i => $"e{i},2026-01-01T00:00:00Z,login,u{i},,,,,\n")));
        var ingestor = new InboxIngestor(_store, NullLogger<InboxIngestor>.Instance);
        volume.Remount(readOnly: true);

        var error = await Assert.ThrowsAsync<IOException>(() => ingestor.IngestAsync(inbox, CancellationToken.None));

        Assert.Contains("a.csv is ingested (500 new events, all committed), but could not be moved to done/", error.Message, StringComparison.Ordinal);
        Assert.Contains("Read-only file system", error.Message, StringComparison.Ordinal);
        Assert.Equal(500L, await CountEventsAsync());
        volume.Remount(readOnly: false);

        var report = await ingestor.IngestAsync(inbox, CancellationToken.None);

        Assert.Equal(new InboxReport(1, 1, 0, 0, 0), report);
        Assert.Equal(500L, await CountEventsAsync());
        Assert.Equal(["a.csv"], Names(Path.Combine(inbox, "done")));
    }

    private async Task<long> CountEventsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_directory.File("bg.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM events";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string[] Names(string folder) =>
        [.. Directory.EnumerateFiles(folder).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    private static IEnumerable<string> EventFilesIn(string folder) =>
        Directory.EnumerateFiles(folder).Where(f => !Path.GetFileName(f).StartsWith('.'));
}
