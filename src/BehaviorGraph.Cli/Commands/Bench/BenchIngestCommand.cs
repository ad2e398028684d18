using System.ComponentModel;
using System.Diagnostics;
using BehaviorGraph.Cli.Infrastructure;
using BehaviorGraph.Ingest;
using BehaviorGraph.Synthetic;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands.Bench;

/// <summary>
/// Times ingest of one event file into a fresh store and, in the same run, the sqlite3 CLI's <c>.import</c> of the same
/// rows into a table with a text primary key — the yardstick the throughput target is stated against.
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
        try
        {
            var file = settings.File ?? SyntheticPlatform.Generate(new SyntheticOptions(settings.Accounts), work, null, cancellationToken).EventsPath;
            if (!System.IO.File.Exists(file))
            {
                throw new UserFacingException($"Event file '{file}' does not exist.");
            }

            var storePath = Path.Combine(work, "bench.db");
            var storeSettings = new StoreSettings { Store = settings.Store ?? $"sqlite:{storePath}", Json = settings.Json };
            var ours = await TimeIngestAsync(storeSettings, file, settings.BatchSize, cancellationToken);
            var sqlite3 = await TimeSqlite3ImportAsync(file, ours.Rows, Path.Combine(work, "import.db"), pageSize: null, cancellationToken);
            // The embedded store picks its own page size; .import with the same page size shows what that choice is worth.
            var storePageSize = settings.Store is null ? await ReadPageSizeAsync(storePath, cancellationToken) : (int?)null;
            var samePages = sqlite3 is not null && storePageSize is { } size
                ? await TimeSqlite3ImportAsync(file, ours.Rows, Path.Combine(work, "import-pages.db"), size, cancellationToken)
                : null;
            var ratio = sqlite3 is { } s ? ours.RowsPerSecond / s.RowsPerSecond : (double?)null;
            var samePagesRatio = samePages is { } p ? ours.RowsPerSecond / p.RowsPerSecond : (double?)null;

            if (settings.Json)
            {
                JsonOutput.Write(new
                {
                    file, store = ours.Store, rows = ours.Rows, seconds = ours.Seconds, rowsPerSecond = ours.RowsPerSecond,
                    sqlite3, ratioToSqlite3 = ratio, storePageSize, sqlite3SamePageSize = samePages, ratioToSqlite3SamePageSize = samePagesRatio,
                });
            }
            else
            {
                var table = new Table().Title($"Ingest of {Markup.Escape(Path.GetFileName(file))}").AddColumns("", "rows", "seconds", "rows/s");
                table.AddRow(Markup.Escape(ours.Store), $"{ours.Rows:N0}", $"{ours.Seconds:F2}", $"{ours.RowsPerSecond:N0}");
                if (sqlite3 is { } import)
                {
                    table.AddRow("sqlite3 .import (text primary key, CLI defaults)", $"{import.Rows:N0}", $"{import.Seconds:F2}", $"{import.RowsPerSecond:N0}");
                }

                if (samePages is { } importSamePages)
                {
                    table.AddRow($"sqlite3 .import ({storePageSize:N0}-byte pages, as the store)", $"{importSamePages.Rows:N0}", $"{importSamePages.Seconds:F2}", $"{importSamePages.RowsPerSecond:N0}");
                }

                AnsiConsole.Write(table);
                AnsiConsole.MarkupLine(ratio is { } r
                    ? $"ratio to sqlite3 .import: [bold]{r:F2}[/]" + (samePagesRatio is { } rp ? $" (with the store's page size: {rp:F2})" : "")
                    : "[yellow]sqlite3 is not on PATH: no comparison (apt-get install sqlite3).[/]");
            }

            return ExitCodes.Ok;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<BenchFigure> TimeIngestAsync(StoreSettings settings, string file, int batchSize, CancellationToken cancellationToken)
    {
        await using var store = await StoreAccess.OpenAsync(settings, cancellationToken);
        var clock = Stopwatch.StartNew();
        var report = await new EventIngestor(store.Ingest).IngestFileAsync(file, new IngestOptions(batchSize, EventFormat.Auto, Force: true), null, cancellationToken);
        return new BenchFigure(store.Description, report.Read, clock.Elapsed.TotalSeconds);
    }

    private static async Task<int> ReadPageSizeAsync(string dbPath, CancellationToken cancellationToken)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={dbPath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<BenchFigure?> TimeSqlite3ImportAsync(string file, long rows, string dbPath, int? pageSize, CancellationToken cancellationToken)
    {
        var header = (await System.IO.File.ReadLinesAsync(file, cancellationToken).FirstAsync(cancellationToken)).Split(',');
        var columns = string.Join(", ", header.Select((name, i) => i == 0 ? $"\"{name}\" TEXT PRIMARY KEY" : $"\"{name}\""));
        var info = new ProcessStartInfo("sqlite3") { RedirectStandardInput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dbPath);
        var clock = Stopwatch.StartNew();
        Process? process;
        try
        {
            process = Process.Start(info);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        using (process)
        {
            if (process is null)
            {
                return null;
            }

            if (pageSize is { } size)
            {
                await process.StandardInput.WriteLineAsync($"PRAGMA page_size={size};");
            }

            await process.StandardInput.WriteLineAsync($"CREATE TABLE ev ({columns});");
            await process.StandardInput.WriteLineAsync(".mode csv");
            await process.StandardInput.WriteLineAsync($".import --skip 1 '{file.Replace("'", "''", StringComparison.Ordinal)}' ev");
            process.StandardInput.Close();
            var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var seconds = clock.Elapsed.TotalSeconds;
            if (process.ExitCode != 0)
            {
                throw new UserFacingException($"sqlite3 .import failed: {errors.Trim()}");
            }

            // The same data rows the ingest read, so the two rates divide the same count.
            return new BenchFigure("sqlite3 .import", rows, seconds);
        }
    }

    private sealed record BenchFigure(string Store, long Rows, double Seconds)
    {
        public double RowsPerSecond => Seconds > 0 ? Rows / Seconds : 0;
    }
}
