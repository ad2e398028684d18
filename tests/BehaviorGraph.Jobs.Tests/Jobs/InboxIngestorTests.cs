using BehaviorGraph.Jobs.Jobs;
using BehaviorGraph.Storage.Sqlite;
using BehaviorGraph.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace BehaviorGraph.Jobs.Tests.Jobs;

public sealed class InboxIngestorTests : IAsyncLifetime
{
    private const string Header = "event_id,ts,type,actor,target,target_kind,value,device,ip\n";
    private readonly TempDirectory _directory = new();
    private Core.Storage.IBehaviorStore _store = null!;

    private string Inbox => Path.Combine(_directory.Path, "inbox");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Inbox);
        _store = await SqliteBehaviorStore.OpenAsync(Path.Combine(_directory.Path, "bg.db"), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Scan_IngestsEventFiles_MovesThemToDone_AndSkipsHiddenAndOtherFiles()
    {
        await File.WriteAllTextAsync(Path.Combine(Inbox, "a.csv"), Header + "e1,2026-01-01T00:00:00Z,login,u1,,,,,\ne2,bad-time,login,u2,,,,,\n");
        await File.WriteAllTextAsync(Path.Combine(Inbox, "b.jsonl"), "{\"event_id\":\"e3\",\"ts\":\"2026-01-01T00:00:00Z\",\"type\":\"login\",\"actor\":\"u3\"}\n");
        await File.WriteAllTextAsync(Path.Combine(Inbox, ".c.csv"), Header);
        await File.WriteAllTextAsync(Path.Combine(Inbox, "notes.txt"), "not events");

        var report = await new InboxIngestor(_store, NullLogger<InboxIngestor>.Instance).IngestAsync(Inbox, CancellationToken.None);

        Assert.Equal(new InboxReport(2, 0, 2, 0, 1), report);
        Assert.Equal([".c.csv", "notes.txt"], Directory.EnumerateFiles(Inbox).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["a.csv", "b.jsonl"], Directory.EnumerateFiles(Path.Combine(Inbox, "done")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Scan_OfAFileAlreadyIngested_IngestsNothing_AndKeepsBothCopiesInDone()
    {
        var ingestor = new InboxIngestor(_store, NullLogger<InboxIngestor>.Instance);
        const string content = Header + "e1,2026-01-01T00:00:00Z,login,u1,,,,,\n";
        await File.WriteAllTextAsync(Path.Combine(Inbox, "a.csv"), content);
        await ingestor.IngestAsync(Inbox, CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(Inbox, "a.csv"), content);

        var second = await ingestor.IngestAsync(Inbox, CancellationToken.None);

        Assert.Equal(new InboxReport(1, 1, 0, 0, 0), second);
        Assert.Equal(2, Directory.EnumerateFiles(Path.Combine(Inbox, "done")).Count());
    }

    [Fact]
    public async Task Scan_CreatesAMissingInbox_AndFindsNothing()
    {
        var missing = Path.Combine(_directory.Path, "new-inbox");
        var report = await new InboxIngestor(_store, NullLogger<InboxIngestor>.Instance).IngestAsync(missing, CancellationToken.None);
        Assert.Equal(new InboxReport(0, 0, 0, 0, 0), report);
        Assert.True(Directory.Exists(missing));
    }
}
