using System.ComponentModel;
using System.Diagnostics;
using BehaviorGraph.Analytics.Pipeline;
using BehaviorGraph.Cli.Commands.Scoring;
using BehaviorGraph.Cli.Infrastructure;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Ingest;
using BehaviorGraph.Scoring;
using BehaviorGraph.Scoring.Labels;
using BehaviorGraph.Scoring.Scoring;
using BehaviorGraph.Synthetic;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands.Bench;

/// <summary>
/// The whole day on a fresh store: ingest → analyze → train → score → publish, through the services the commands
/// use, with each stage's wall time, CPU time and peak resident memory, and in the same run the sqlite3 <c>.import</c>
/// of the same events as the yardstick. Each stage opens the store as its command would and closes it after.
/// </summary>
internal sealed class BenchPipelineCommand : AsyncCommand<BenchPipelineCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--file <CSV>")]
        [Description("Event file; default: a synthetic platform generated for the run (its labels are used for training).")]
        public string? File { get; init; }

        [CommandOption("--labels <CSV>")]
        [Description("Labels for training (account,label); required with --file.")]
        public string? Labels { get; init; }

        [CommandOption("--accounts <N>")]
        [Description("Accounts of the generated platform (20,000 ≈ 1M events; 200,000 ≈ 10M).")]
        [DefaultValue(20_000)]
        public int Accounts { get; init; } = 20_000;

        [CommandOption("--activity-days <D>")]
        [Description("Days of activity of the generated platform (30 ≈ 50 events per account; fewer days, fewer events).")]
        [DefaultValue(30)]
        public int ActivityDays { get; init; } = 30;

        [CommandOption("--seed <S>")]
        [DefaultValue(42)]
        public int Seed { get; init; } = 42;

        public override ValidationResult Validate() =>
            File is not null && Labels is null ? ValidationResult.Error("--file needs --labels: the pipeline trains a model.")
            : File is null && Labels is not null ? ValidationResult.Error("--labels goes with --file.")
            : ActivityDays < 1 ? ValidationResult.Error("--activity-days must be at least 1.")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var work = Path.Combine(Path.GetTempPath(), "bgraph-pipeline-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        BenchDatabase? postgres = null;
        try
        {
            string events, labels;
            double? generateSeconds = null;
            if (settings.File is { } file)
            {
                (events, labels) = (Path.GetFullPath(file), Path.GetFullPath(settings.Labels!));
                foreach (var path in new[] { events, labels })
                {
                    if (!System.IO.File.Exists(path))
                    {
                        throw new UserFacingException($"File '{path}' does not exist.");
                    }
                }
            }
            else
            {
                var clock = Stopwatch.StartNew();
                var generated = SyntheticPlatform.Generate(
                    new SyntheticOptions(settings.Accounts, settings.Seed) { ActivityDays = settings.ActivityDays }, work, null, cancellationToken);
                (events, labels, generateSeconds) = (generated.EventsPath, generated.LabelsPath ?? throw new InvalidOperationException("The platform generator always writes labels."), clock.Elapsed.TotalSeconds);
            }

            string store;
            if (settings.Store is { } given && given.StartsWith("postgres:", StringComparison.Ordinal))
            {
                postgres = await BenchDatabase.CreateAsync(StoreLocation.Parse(given).Target, cancellationToken);
                store = "postgres:" + postgres.ConnectionString.ConnectionString;
            }
            else
            {
                store = settings.Store ?? "sqlite:" + Path.Combine(work, "pipeline.db");
            }

            var storeSettings = new StoreSettings { Store = store };
            var stages = new List<StageFigure>();
            var method = "";
            var total = Stopwatch.StartNew();

            async Task<T> StageAsync<T>(string name, Func<Task<(T Result, string Summary)>> run)
            {
                using var memory = StageMemory.Start();
                method = memory.Method;
                if (!settings.Json)
                {
                    AnsiConsole.MarkupLine($"[dim]{TerminalText.Markup(name)} …[/]");
                }

                var cpu = ProcessCpu.OwnSeconds();
                var clock = Stopwatch.StartNew();
                var (result, summary) = await run();
                stages.Add(new StageFigure(name, clock.Elapsed.TotalSeconds, ProcessCpu.OwnSeconds() - cpu, memory.PeakBytes() / 1_048_576.0, summary));
                return result;
            }

            var ingested = await StageAsync("ingest", async () =>
            {
                await using var s = await StoreAccess.OpenAsync(storeSettings, cancellationToken);
                var report = await new EventIngestor(s.Ingest).IngestFileAsync(events, IngestOptions.Default, null, cancellationToken);
                return (report.Read, $"{report.Ingested:N0} events ingested, {report.Quarantined:N0} quarantined");
            });
            await StageAsync("analyze", async () =>
            {
                await using var s = await StoreAccess.OpenAsync(storeSettings, cancellationToken);
                var result = await AnalysisPipeline.RunAsync(s, AnalysisOptions.Default, null, cancellationToken);
                var stageTimes = string.Join(", ", result.Stages.Select(t => $"{t.Stage.ToString().ToLowerInvariant()} {t.Elapsed.TotalSeconds:F1} s"));
                return (result.RunId, $"{result.Accounts:N0} accounts, {result.Clusters.Count:N0} clusters; {stageTimes}");
            });
            await StageAsync("train", async () =>
            {
                await using var s = await StoreAccess.OpenAsync(storeSettings, cancellationToken);
                var entries = LabelFile.Read(labels);
                await s.Labels.AddAsync(LabelImport.ToLabels(entries, labels, DateTimeOffset.UtcNow), cancellationToken);
                var outcome = await ScoringStores.TrainWithDefaultsAsync(s, cancellationToken);
                if (!outcome.Promotion.Promoted)
                {
                    throw new UserFacingException($"The trained model was not promoted ({outcome.Promotion.Reason}); nothing to score with.");
                }

                return (outcome.Model.Version, $"{outcome.Examples:N0} labelled accounts, AUC {outcome.Model.Metrics.Auc:F3} (10-fold grouped CV)");
            });
            await using (var s = await StoreAccess.OpenAsync(storeSettings, cancellationToken))
            {
                var (runId, batch) = await StageAsync("score", async () =>
                {
                    var snapshot = await ScoringStores.LatestSnapshotAsync(s, cancellationToken);
                    var record = await s.Models.GetPromotedAsync(cancellationToken) ?? throw new UserFacingException("No model is promoted.");
                    var model = ScoringModel.Load(record);
                    model.EnsureCompatible(snapshot.FeatureNames);
                    var options = ScoringOptions.Default;
                    var run = await s.Scores.BeginRunAsync(record.Info.Version, snapshot.RunId, options.EffectiveThresholds, cancellationToken);
                    var scored = model.ScoreAll(snapshot, options, run, DateTimeOffset.UtcNow);
                    return ((run, scored), $"{scored.Scores.Count:N0} accounts, {scored.AccountsPerSecond:N0} accounts/s");
                });
                await StageAsync("publish", async () =>
                {
                    var published = await s.Scores.PublishAsync(runId, batch.Scores, cancellationToken);
                    return (published.RunId, $"scoring run {published.RunId}");
                });
            }

            var pipelineSeconds = total.Elapsed.TotalSeconds;
            var import = await ImportYardstick.Sqlite3Async(events, ingested, Path.Combine(work, "import.db"), pageSize: null, cancellationToken);
            var ratio = import is { Seconds: > 0 } i ? pipelineSeconds / i.Seconds : (double?)null;
            var peak = stages.Max(s => s.PeakMegabytes);
            Report(settings.Json, events, ingested, generateSeconds, stages, pipelineSeconds, peak, method, import, ratio);
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

    private static void Report(
        bool json, string events, long rows, double? generateSeconds, List<StageFigure> stages, double pipelineSeconds, double peak,
        string method, BenchFigure? import, double? ratio)
    {
        if (json)
        {
            JsonOutput.Write(new
            {
                events, rows, generateSeconds, stages, pipelineSeconds, peakMegabytes = peak, peakMethod = method,
                sqlite3Import = import, pipelineToImportRatio = ratio,
            });
            return;
        }

        var table = new Table().Title($"Pipeline on {rows:N0} events ({TerminalText.Markup(Path.GetFileName(events))})")
            .AddColumns("stage", "seconds", "CPU seconds", "peak RSS (MB)", "what it did");
        foreach (var stage in stages)
        {
            table.AddRow(stage.Stage, $"{stage.Seconds:F1}", $"{stage.CpuSeconds:F1}", $"{stage.PeakMegabytes:N0}", TerminalText.Markup(stage.Summary));
        }

        table.AddRow("[bold]total[/]", $"[bold]{pipelineSeconds:F1}[/]", $"{stages.Sum(s => s.CpuSeconds):F1}", $"[bold]{peak:N0}[/]", "");
        AnsiConsole.Write(table);
        if (generateSeconds is { } g)
        {
            AnsiConsole.MarkupLine($"[dim]generating the platform took {g:F1} s (not counted).[/]");
        }

        AnsiConsole.MarkupLine($"[dim]peak memory: {TerminalText.Markup(method)}.[/]");
        AnsiConsole.MarkupLine(import is { } i
            ? $"sqlite3 .import of the same events, same run: {i.Seconds:F1} s; pipeline / .import = [bold]{ratio:F2}[/]"
            : "[yellow]sqlite3 is not on PATH: no yardstick (apt-get install sqlite3).[/]");
    }

    private sealed record StageFigure(string Stage, double Seconds, double CpuSeconds, double PeakMegabytes, string Summary);
}
