using BehaviorGraph.Core.Storage;
using BehaviorGraph.Ingest;
using Microsoft.Extensions.Logging;

namespace BehaviorGraph.Jobs.Jobs;

/// <summary>
/// Ingests every event file in an inbox folder, oldest name first, and moves each into <c>inbox/done/</c> once it is
/// ingested. The store's checkpoint per content hash makes a re-run after a crash (file ingested, not yet moved)
/// a no-op for that file. Writers should write under a dot-name or a <c>.tmp</c> suffix and rename when complete.
/// </summary>
internal sealed class InboxIngestor(IBehaviorStore store, ILogger<InboxIngestor> logger)
{
    public async Task<InboxReport> IngestAsync(string inbox, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(inbox))
        {
            Directory.CreateDirectory(inbox);
        }

        var done = Path.Combine(inbox, "done");
        var files = EventFiles.InDirectory(inbox);
        var ingestor = new EventIngestor(store.Ingest);
        int count = 0, already = 0;
        long ingested = 0, duplicates = 0, quarantined = 0;
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var report = await ingestor.IngestFileAsync(file, IngestOptions.Default, null, cancellationToken);
            count++;
            already += report.AlreadyComplete ? 1 : 0;
            ingested += report.Ingested;
            duplicates += report.Duplicates;
            quarantined += report.Quarantined;
            Directory.CreateDirectory(done);
            File.Move(file, FreeName(done, Path.GetFileName(file), report.ContentHash));
            logger.LogInformation(
                "Ingested {File}: {Ingested} events, {Duplicates} duplicates, {Quarantined} quarantined{Already}",
                Path.GetFileName(file), report.Ingested, report.Duplicates, report.Quarantined, report.AlreadyComplete ? " (already ingested)" : "");
        }

        return new InboxReport(count, already, ingested, duplicates, quarantined);
    }

    private static string FreeName(string folder, string name, string hash)
    {
        var target = Path.Combine(folder, name);
        return File.Exists(target)
            ? Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(name)}.{hash[..Math.Min(12, hash.Length)]}{Path.GetExtension(name)}")
            : target;
    }
}
