using System.ComponentModel;
using BehaviorGraph.Cli.Infrastructure;
using BehaviorGraph.Ingest;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands;

internal sealed class IngestCommand : AsyncCommand<IngestCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<PATH>")]
        [Description("Event files (CSV or JSON Lines), or directories whose *.csv / *.jsonl files are ingested in name order.")]
        public string[] Paths { get; init; } = [];

        [CommandOption("--strict")]
        [Description("Exit with code 3 if any row was quarantined.")]
        public bool Strict { get; init; }

        [CommandOption("--batch-size <ROWS>")]
        [Description("Rows per atomic batch.")]
        [DefaultValue(IngestOptions.DefaultBatchSize)]
        public int BatchSize { get; init; } = IngestOptions.DefaultBatchSize;

        [CommandOption("--force")]
        [Description("Re-read files already recorded as complete (their events are still deduplicated).")]
        public bool Force { get; init; }

        public override ValidationResult Validate() =>
            BatchSize is < 1 or > 1_000_000 ? ValidationResult.Error("--batch-size must be between 1 and 1,000,000.") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var files = ExpandPaths(settings.Paths);
        await using var store = await StoreAccess.OpenAsync(settings, cancellationToken);
        var ingestor = new EventIngestor(store.Ingest);
        var options = new IngestOptions(settings.BatchSize, EventFormat.Auto, settings.Force);
        var reports = new List<IngestReport>();
        var failures = new List<(string File, string Reason)>();

        // A file that cannot be read at all costs only itself: the files after it go in, and the command fails at the
        // end naming it. A store failure stops at once (every file after it would fail the same way).
        async Task IngestOneAsync(string file, IProgress<IngestProgress>? reporter)
        {
            try
            {
                reports.Add(await ingestor.IngestFileAsync(file, options, reporter, cancellationToken));
            }
            catch (IngestInputException ex)
            {
                failures.Add((file, ex.Message));
            }
            catch (IngestStoreException ex)
            {
                var before = reports.Count > 0 ? $" The {reports.Count} file(s) before it are ingested." : "";
                throw new UserFacingException(ex.Message + before, ex);
            }
        }

        if (settings.Json || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            foreach (var file in files)
            {
                await IngestOneAsync(file, null);
            }
        }
        else
        {
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async progress =>
                {
                    foreach (var file in files)
                    {
                        var task = progress.AddTask(TerminalText.Markup(Path.GetFileName(file)), maxValue: 1);
                        var reporter = new Progress<IngestProgress>(p =>
                        {
                            if (p.BytesTotal > 0)
                            {
                                task.Value = (double)p.BytesRead / p.BytesTotal;
                            }
                        });
                        await IngestOneAsync(file, reporter);
                        task.Value = 1;
                    }
                });
        }

        var quarantined = reports.Sum(r => r.Quarantined);
        if (settings.Json)
        {
            JsonOutput.Write(new
            {
                store = store.Description,
                files = reports,
                failed = failures.Select(f => new { file = f.File, reason = f.Reason }),
                read = reports.Sum(r => r.Read),
                ingested = reports.Sum(r => r.Ingested),
                duplicates = reports.Sum(r => r.Duplicates),
                quarantined,
            });
        }
        else
        {
            Render(store.Description, reports);
        }

        if (failures.Count > 0)
        {
            var others = files.Count - failures.Count;
            Console.Error.WriteLine(
                $"bgraph: error: {failures.Count} of {files.Count} file(s) could not be ingested{(others > 0 ? $" (the other {others} were)" : "")}:");
            foreach (var (file, reason) in failures)
            {
                Console.Error.WriteLine($"  {file}: {reason}");
            }

            return ExitCodes.Failure;
        }

        if (settings.Strict && quarantined > 0)
        {
            Console.Error.WriteLine($"bgraph: --strict: {quarantined:N0} row(s) were quarantined; see `bgraph stats --quarantine 20`.");
            return ExitCodes.Quarantined;
        }

        return ExitCodes.Ok;
    }

    private static List<string> ExpandPaths(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var missing = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(EventFiles.InDirectory(path));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                missing.Add(path);
            }
        }

        if (missing.Count > 0)
        {
            throw new UserFacingException($"No such file or directory: {string.Join(", ", missing)}. Nothing was ingested.");
        }

        if (files.Count == 0)
        {
            throw new UserFacingException("The given directories hold no *.csv, *.jsonl, *.ndjson or *.json files. Nothing was ingested.");
        }

        return files;
    }

    private static void Render(string store, List<IngestReport> reports)
    {
        var table = new Table().Title($"Ingest into {TerminalText.Markup(store)}")
            .AddColumns("file", "read", "ingested", "duplicate", "quarantined", "rows/s", "note");
        foreach (var r in reports)
        {
            var note = r.AlreadyComplete ? "already ingested (same content hash); skipped"
                : r.SkippedRows > 0 ? $"resumed after {r.SkippedRows:N0} committed rows"
                : r.BlankLines > 0 ? $"{r.BlankLines:N0} blank line(s)"
                : string.Empty;
            table.AddRow(
                TerminalText.Markup(Path.GetFileName(r.Source)), $"{r.Read:N0}", $"{r.Ingested:N0}", $"{r.Duplicates:N0}",
                r.Quarantined > 0 ? $"[yellow]{r.Quarantined:N0}[/]" : "0", $"{r.EventsPerSecond:N0}", TerminalText.Markup(note));
        }

        AnsiConsole.Write(table);
        var reasons = reports.SelectMany(r => r.QuarantinedByReason)
            .GroupBy(kv => kv.Key).Select(g => (Reason: g.Key, Count: g.Sum(kv => kv.Value)))
            .OrderByDescending(x => x.Count).ToList();
        if (reasons.Count > 0)
        {
            var breakdown = new Table().Title("Quarantined rows by reason").AddColumns("reason", "rows");
            foreach (var (reason, count) in reasons)
            {
                breakdown.AddRow(reason, $"{count:N0}");
            }

            AnsiConsole.Write(breakdown);
        }
    }
}
