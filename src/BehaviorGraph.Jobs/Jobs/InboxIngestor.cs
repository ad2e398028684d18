using System.Globalization;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Ingest;
using Microsoft.Extensions.Logging;

namespace BehaviorGraph.Jobs.Jobs;

/// <summary>
/// Ingests every event file in an inbox folder, oldest name first, and moves each into <c>inbox/done/</c> once it is
/// ingested. A file that cannot be read at all (no usable header, not UTF-8, unreadable) is poison: it is moved into
/// <c>inbox/failed/</c> with the reason in a <c>.reason.txt</c> file beside it, and the files behind it go in as
/// usual. The store's checkpoint per content hash makes a re-run after a crash (file ingested, not yet moved) a no-op
/// for that file; a store failure stops the scan with the file left in place, to be resumed by the next scan.
/// Writers should write under a dot-name or a <c>.tmp</c> suffix and rename when complete.
/// </summary>
internal sealed class InboxIngestor(IBehaviorStore store, ILogger<InboxIngestor> logger)
{
    public const string DoneFolder = "done";
    public const string FailedFolder = "failed";
    public const string ReasonSuffix = ".reason.txt";

    public async Task<InboxReport> IngestAsync(string inbox, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(inbox))
        {
            Directory.CreateDirectory(inbox);
        }

        var done = Path.Combine(inbox, DoneFolder);
        var files = EventFiles.InDirectory(inbox);
        var ingestor = new EventIngestor(store.Ingest);
        int count = 0, already = 0, failed = 0;
        long ingested = 0, duplicates = 0, quarantined = 0;
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            IngestReport report;
            try
            {
                report = await ingestor.IngestFileAsync(file, IngestOptions.Default, null, cancellationToken);
            }
            catch (IngestInputException ex)
            {
                if (MoveAside(inbox, file, ex.Message))
                {
                    failed++;
                }

                continue;
            }

            count++;
            already += report.AlreadyComplete ? 1 : 0;
            ingested += report.Ingested;
            duplicates += report.Duplicates;
            quarantined += report.Quarantined;
            var hash = report.ContentHash[(report.ContentHash.IndexOf(':', StringComparison.Ordinal) + 1)..];
            Move(file, done, FreeName(done, Path.GetFileName(file), hash[..Math.Min(12, hash.Length)]),
                $"{Path.GetFileName(file)} is ingested ({report.Ingested:N0} new events, all committed), but could not be moved to {DoneFolder}/");
            logger.LogInformation(
                "Ingested {File}: {Ingested} events, {Duplicates} duplicates, {Quarantined} quarantined{Already}",
                Path.GetFileName(file), report.Ingested, report.Duplicates, report.Quarantined, report.AlreadyComplete ? " (already ingested)" : "");
        }

        return new InboxReport(count, already, ingested, duplicates, quarantined, failed);
    }

    /// <summary>Moves a file that cannot be ingested into <c>failed/</c> with its reason beside it; false if it is gone already.</summary>
    private bool MoveAside(string inbox, string file, string reason)
    {
        if (!File.Exists(file))
        {
            logger.LogInformation("{File} went away while it was being read; nothing to move aside", Path.GetFileName(file));
            return false;
        }

        var folder = Path.Combine(inbox, FailedFolder);
        var name = Path.GetFileName(file);
        var target = FreeName(folder, name, DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmssfffffff", CultureInfo.InvariantCulture));
        Move(file, folder, target, $"{name} cannot be ingested ({reason}) and could not be moved to {FailedFolder}/ either");
        File.WriteAllText(target + ReasonSuffix, $"{DateTimeOffset.UtcNow:O} {name}: {reason}{Environment.NewLine}");
        logger.LogWarning("Moved {File} to {Folder}/ (it cannot be ingested): {Reason}", name, FailedFolder, reason);
        return true;
    }

    private static void Move(string file, string folder, string target, string what)
    {
        try
        {
            Directory.CreateDirectory(folder);
            File.Move(file, target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException(
                $"{what}: {ex.Message} The next scan finds an ingested file already ingested and moves it without ingesting it again.", ex);
        }
    }

    private static string FreeName(string folder, string name, string suffix)
    {
        var target = Path.Combine(folder, name);
        return File.Exists(target)
            ? Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(name)}.{suffix}{Path.GetExtension(name)}")
            : target;
    }
}
