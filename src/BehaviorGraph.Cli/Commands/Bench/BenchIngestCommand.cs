using System.ComponentModel;
using System.Diagnostics;
using BehaviorGraph.Cli.Infrastructure;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Ingest;
using BehaviorGraph.Synthetic;
using Npgsql;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands.Bench;

/// <summary>
/// Times ingest of one event file into a fresh store and, in the same run, the bulk loaders the targets are stated
/// against: the sqlite3 CLI's <c>.import</c> of the same rows into a table with a text primary key and, when the store
/// is PostgreSQL, psql's <c>\copy</c> of them into such a table on the same server.
/// </summary>
internal sealed class BenchIngestCommand : AsyncCommand<BenchIngestCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--file <CSV>")]
        [Description("Event file to ingest; default: a synthetic platform generated for the run.")]
        public string? File { get; init; }

        [CommandOption("--accounts <N>")]
        [Description("Accounts of the generated platform when no --file is given (20,000 ≈ 1M events).")]
        [DefaultValue(20_000)]
        public int Accounts { get; init; } = 20_000;

        [CommandOption("--batch-size <ROWS>")]
        [DefaultValue(IngestOptions.DefaultBatchSize)]
        public int BatchSize { get; init; } = IngestOptions.DefaultBatchSize;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var work = Path.Combine(Path.GetTempPath(), "bgraph-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        BenchDatabase? postgres = null;
        try
        {
            var file = settings.File ?? SyntheticPlatform.Generate(new SyntheticOptions(settings.Accounts), work, null, cancellationToken).EventsPath;
            if (!System.IO.File.Exists(file))
            {
                throw new UserFacingException($"Event file '{file}' does not exist.");
            }

            var location = settings.Store is { } given ? ParseStore(given) : null;
            var storePath = Path.Combine(work, "bench.db");
            string store;
            if (location is { Backend: StoreBackend.Postgres })
            {
                // A database of its own, created for the run and dropped after it: ingest starts from an empty store.
                postgres = await BenchDatabase.CreateAsync(location.Target, cancellationToken);
                store = "postgres:" + postgres.ConnectionString.ConnectionString;
            }
            else
            {
                store = settings.Store ?? $"sqlite:{storePath}";
            }

            BenchFigure ours;
            IReadOnlyList<IngestPhases.PhaseFigure> phases;
            using (var listener = new IngestPhases())
            {
                ours = await TimeIngestAsync(new StoreSettings { Store = store, Json = settings.Json }, file, settings.BatchSize, cancellationToken);
                phases = listener.Figures();
            }

            var copy = postgres is not null ? await ImportYardstick.PsqlCopyAsync(file, ours.Rows, postgres.ConnectionString, cancellationToken) : null;
            var sqlite3 = await ImportYardstick.Sqlite3Async(file, ours.Rows, Path.Combine(work, "import.db"), pageSize: null, cancellationToken);
            // The embedded store picks its own page size; .import with the same page size shows what that choice is worth.
            var storePageSize = settings.Store is null ? await ImportYardstick.PageSizeAsync(storePath, cancellationToken) : (int?)null;
            var samePages = sqlite3 is not null && storePageSize is { } size
                ? await ImportYardstick.Sqlite3Async(file, ours.Rows, Path.Combine(work, "import-pages.db"), size, cancellationToken)
                : null;
            var ratio = sqlite3 is { } s ? ours.RowsPerSecond / s.RowsPerSecond : (double?)null;
            var samePagesRatio = samePages is { } p ? ours.RowsPerSecond / p.RowsPerSecond : (double?)null;
            var copyRatio = copy is { } c ? ours.RowsPerSecond / c.RowsPerSecond : (double?)null;

            if (settings.Json)
            {
                JsonOutput.Write(new
                {
                    file, store = ours.Name, rows = ours.Rows, seconds = ours.Seconds, cpuSeconds = ours.CpuSeconds, rowsPerSecond = ours.RowsPerSecond,
                    sqlite3, ratioToSqlite3 = ratio, storePageSize, sqlite3SamePageSize = samePages, ratioToSqlite3SamePageSize = samePagesRatio,
                    psqlCopy = copy, ratioToPsqlCopy = copyRatio, phases,
                });
            }
            else
            {
                var table = new Table().Title($"Ingest of {TerminalText.Markup(Path.GetFileName(file))}").AddColumns("", "rows", "seconds", "rows/s", "CPU seconds");
                table.AddRow(TerminalText.Markup(ours.Name), $"{ours.Rows:N0}", $"{ours.Seconds:F2}", $"{ours.RowsPerSecond:N0}", ours.CpuText);
                if (copy is { } psql)
                {
                    table.AddRow("psql \\copy (text primary key, same server)", $"{psql.Rows:N0}", $"{psql.Seconds:F2}", $"{psql.RowsPerSecond:N0}", psql.CpuText);
                }

                if (sqlite3 is { } import)
                {
                    table.AddRow("sqlite3 .import (text primary key, CLI defaults)", $"{import.Rows:N0}", $"{import.Seconds:F2}", $"{import.RowsPerSecond:N0}", import.CpuText);
                }

                if (samePages is { } importSamePages)
                {
                    table.AddRow($"sqlite3 .import ({storePageSize:N0}-byte pages, as the store)", $"{importSamePages.Rows:N0}", $"{importSamePages.Seconds:F2}", $"{importSamePages.RowsPerSecond:N0}", importSamePages.CpuText);
                }

                AnsiConsole.Write(table);
                if (phases.Count > 0)
                {
                    var breakdown = new Table().Title("Where the store's ingest stages spent their time (stages overlap)").AddColumns("phase", "seconds", "thread CPU seconds", "times");
                    foreach (var phase in phases)
                    {
                        breakdown.AddRow(TerminalText.Markup(phase.Phase), $"{phase.Seconds:F2}", phase.CpuSeconds > 0 ? $"{phase.CpuSeconds:F2}" : "-", $"{phase.Count:N0}");
                    }

                    AnsiConsole.Write(breakdown);
                }

                if (postgres is not null)
                {
                    AnsiConsole.MarkupLine(copyRatio is { } cr
                        ? $"ratio to psql \\copy: [bold]{cr:F2}[/] (the server's CPU time is not in the CPU column of either)"
                        : "[yellow]psql is not on PATH: no \\copy comparison (apt-get install postgresql-client).[/]");
                }

                AnsiConsole.MarkupLine(ratio is { } r
                    ? $"ratio to sqlite3 .import: [bold]{r:F2}[/]" + (samePagesRatio is { } rp ? $" (with the store's page size: {rp:F2})" : "")
                    : "[yellow]sqlite3 is not on PATH: no comparison (apt-get install sqlite3).[/]");
            }

            return ExitCodes.Ok;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }

            Directory.Delete(work, recursive: true);
        }
    }

    private static StoreLocation ParseStore(string value)
    {
        try
        {
            return StoreLocation.Parse(value);
        }
        catch (FormatException ex)
        {
            throw new UserFacingException(ex.Message, ex);
        }
    }

    private static async Task<BenchFigure> TimeIngestAsync(StoreSettings settings, string file, int batchSize, CancellationToken cancellationToken)
    {
        await using var store = await StoreAccess.OpenAsync(settings, cancellationToken);
        var cpu = ProcessCpu.OwnSeconds();
        var clock = Stopwatch.StartNew();
        var report = await new EventIngestor(store.Ingest).IngestFileAsync(file, new IngestOptions(batchSize, EventFormat.Auto, Force: true), null, cancellationToken);
        return new BenchFigure(store.Description, report.Read, clock.Elapsed.TotalSeconds, ProcessCpu.OwnSeconds() - cpu);
    }
}
