using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using BehaviorGraph.Analytics.Pipeline;
using BehaviorGraph.Cli.Commands.Analysis;
using BehaviorGraph.Cli.Commands.Scoring;
using BehaviorGraph.Cli.Infrastructure;
using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Ingest;
using BehaviorGraph.Scoring.Labels;
using BehaviorGraph.Synthetic;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands.Bench;

/// <summary>
/// Planted-cluster recovery over a grid of generator settings: for each point and seed, generate the platform (or
/// FRAUDAR protocol run), ingest it into a fresh embedded store, run the same analysis as <c>bgraph analyze</c>,
/// evaluate it as <c>bgraph evaluate-clusters</c> does — where the point has labels, again after one turn of the
/// shipped chain (<see cref="ScoringCycle"/>, then a second analysis) — and print one row per point plus the overall minimum.
/// Progress goes to standard error, so <c>--json</c> output stays clean.
/// </summary>
internal sealed class BenchRecoveryCommand : AsyncCommand<BenchRecoveryCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--accounts <N>")]
        [Description("Accounts of every platform point (FRAUDAR points keep the protocol's 2,000 × 2,000).")]
        [DefaultValue(20_000)]
        public int Accounts { get; init; } = 20_000;

        [CommandOption("--seeds <S,S,...>")]
        [Description("Seeds to run every point with, comma-separated.")]
        [DefaultValue("42")]
        public string Seeds { get; init; } = "42";

        [CommandOption("--grid <NAME>")]
        [Description("default (every platform and FRAUDAR point), quick (one point per family), platform, or fraudar.")]
        [DefaultValue("default")]
        public string Grid { get; init; } = "default";

        [CommandOption("--points <NAMES>")]
        [Description("Only these points of the grid, comma-separated; a trailing * matches a prefix (e.g. fraudar-random-*).")]
        public string? Points { get; init; }

        [CommandOption("--list")]
        [Description("List the grid's points with what each plants, and exit.")]
        public bool List { get; init; }

        [CommandOption("--plot <FILE.png>")]
        [Description("Also draw F1 vs density of the FRAUDAR points, one line per attack (as the paper's figure).")]
        public string? Plot { get; init; }

        [CommandOption("--work <DIR>")]
        [Description("Where each run's files and store go (default: a temporary directory, removed afterwards).")]
        public string? Work { get; init; }

        [CommandOption("--no-scoring-cycle")]
        [Description("Evaluate the first analysis only (by default, where the point has labels, a model is then trained on them, every account scored and the platform analyzed again, as the shipped analyze → train → score chain does; groups rich in flagged accounts are surfaced by that second analysis)")]
        public bool NoScoringCycle { get; init; }

        [CommandOption("--no-labels")]
        [Description("Analyze without the platform's labels (by default each point's labels.csv is imported first, as an analyst team's verdicts would be, so groups rich in labelled abusers are surfaced)")]
        public bool NoLabels { get; init; }

        [CommandOption("--keep")]
        [Description("Keep every run's events, truth and store under --work.")]
        public bool Keep { get; init; }

        [CommandOption("--json")]
        [Description("Write every run and the summary as JSON to standard output.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (Accounts is < SyntheticOptions.MinAccounts or > SyntheticOptions.MaxAccounts)
            {
                return ValidationResult.Error($"--accounts must be between {SyntheticOptions.MinAccounts:N0} and {SyntheticOptions.MaxAccounts:N0}.");
            }

            if (Grid.ToLowerInvariant() is not ("default" or "quick" or "platform" or "fraudar"))
            {
                return ValidationResult.Error($"--grid must be default, quick, platform or fraudar (got '{Grid}').");
            }

            return ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var seeds = ParseSeeds(settings.Seeds);
        var points = Select(settings, seeds[0]);
        if (settings.List)
        {
            ListPoints(points, settings.Json);
            return ExitCodes.Ok;
        }

        var work = settings.Work is { } w ? Path.GetFullPath(w) : Path.Combine(Path.GetTempPath(), "bgraph-recovery-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        var runs = new List<RecoveryRun>();
        var total = points.Count * seeds.Count;
        var clock = Stopwatch.StartNew();
        try
        {
            foreach (var point in points)
            {
                foreach (var seed in seeds)
                {
                    var scenario = Scenario(settings, point.Name, seed);
                    Progress($"[{runs.Count + 1}/{total}] {scenario.Name} seed {seed}: generating, ingesting, analyzing…");
                    var run = await RunAsync(scenario, seed, Path.Combine(work, $"{scenario.Name}-{seed}"), settings, cancellationToken);
                    runs.Add(run);
                    Progress($"[{runs.Count}/{total}] {scenario.Name} seed {seed}: {run.Events:N0} events; {Brief(run.Report)}; " +
                             $"generate {run.Generate.TotalSeconds:F1} s, ingest {run.Ingest.TotalSeconds:F1} s, analyze {run.Analyze.TotalSeconds:F1} s" +
                             (run.Cycle is { } cycle ? $"; first analysis mean F1 {run.FirstAnalysis.MeanF1:F3}, scoring cycle {run.CycleTime.TotalSeconds:F1} s: {cycle} " : " ") +
                             $"(elapsed {clock.Elapsed.TotalMinutes:F1} min)");
                }
            }
        }
        finally
        {
            if (!settings.Keep && settings.Work is null)
            {
                TryDelete(work);
            }
        }

        var summaries = runs.GroupBy(r => r.Scenario.Name).Select(g => RecoveryPointSummary.Of([.. g])).ToList();
        var plotted = settings.Plot is { } plot && RecoveryPlot.TryWrite(plot, summaries);
        if (settings.Plot is not null && !plotted)
        {
            Progress("No FRAUDAR point was run, so no F vs density plot was written.");
        }

        if (settings.Json)
        {
            WriteJson(settings, seeds, runs, summaries, plotted);
        }
        else
        {
            Render(settings, seeds, summaries, clock.Elapsed);
            if (plotted)
            {
                AnsiConsole.MarkupLine($"F vs density: [bold]{TerminalText.Markup(Path.GetFullPath(settings.Plot!))}[/]");
            }
        }

        return ExitCodes.Ok;
    }

    private static async Task<RecoveryRun> RunAsync(SyntheticScenario scenario, int seed, string directory, Settings settings, CancellationToken cancellationToken)
    {
        var withLabels = !settings.NoLabels;
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        try
        {
            var step = Stopwatch.StartNew();
            var generated = scenario.Generate(directory, null, cancellationToken);
            var generate = step.Elapsed;
            var truth = ClusterTruthFile.ReadTruth(generated.TruthPath);

            var storeSettings = new StoreSettings { Store = "sqlite:" + Path.Combine(directory, "store.db") };
            await using var store = await StoreAccess.OpenAsync(storeSettings, cancellationToken);
            step.Restart();
            var ingest = await new EventIngestor(store.Ingest).IngestFileAsync(generated.EventsPath, IngestOptions.Default, null, cancellationToken);
            if (ingest.Quarantined > 0)
            {
                throw new UserFacingException($"{scenario.Name} seed {seed}: {ingest.Quarantined:N0} generated row(s) were quarantined; the generator wrote rows the event contract rejects.");
            }

            var labelled = withLabels && generated.LabelsPath is not null;
            if (labelled)
            {
                await LabelImport.ImportAsync(store.Labels, LabelFile.Load(generated.LabelsPath!), generated.LabelsPath!, cancellationToken);
            }

            var ingestTime = step.Elapsed;
            step.Restart();
            await AnalysisPipeline.RunAsync(store, AnalysisOptions.Default, null, cancellationToken);
            var detected = await store.Clusters.ListAsync(null, 0, int.MaxValue, cancellationToken);
            var analyze = step.Elapsed;
            var first = ClusterRecovery.Evaluate(truth.Clusters, detected, truth.HardNegatives);
            if (!labelled || settings.NoScoringCycle)
            {
                return new RecoveryRun(scenario, seed, generated.Events, generated.Accounts, generate, ingestTime, analyze, first, first, null, TimeSpan.Zero);
            }

            step.Restart();
            var cycle = await ScoringCycle.RunAsync(store, cancellationToken);
            var report = first;
            if (cycle.Scored)
            {
                await AnalysisPipeline.RunAsync(store, AnalysisOptions.Default, null, cancellationToken);
                report = ClusterRecovery.Evaluate(truth.Clusters, await store.Clusters.ListAsync(null, 0, int.MaxValue, cancellationToken), truth.HardNegatives);
            }

            return new RecoveryRun(scenario, seed, generated.Events, generated.Accounts, generate, ingestTime, analyze, report, first, cycle.Description, step.Elapsed);
        }
        finally
        {
            if (!settings.Keep)
            {
                TryDelete(directory);
            }
        }
    }

    private static IReadOnlyList<SyntheticScenario> Select(Settings settings, int seed)
    {
        var grid = Grid(settings.Grid, settings.Accounts, seed);
        if (settings.Points is null)
        {
            return grid;
        }

        var wanted = settings.Points.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var chosen = grid.Where(p => wanted.Any(w => Matches(w, p.Name))).ToList();
        var unknown = wanted.Where(w => !grid.Any(p => Matches(w, p.Name))).ToList();
        if (unknown.Count > 0 || chosen.Count == 0)
        {
            throw new UserFacingException(
                $"--points: no point named {string.Join(", ", unknown.DefaultIfEmpty(settings.Points).Select(u => $"'{u}'"))} in the {settings.Grid} grid; `bgraph bench recovery --list` shows them.");
        }

        return chosen;
    }

    private static IReadOnlyList<SyntheticScenario> Grid(string name, int accounts, int seed) => name.ToLowerInvariant() switch
    {
        "quick" => SyntheticGrid.Quick(accounts, seed),
        "platform" => SyntheticGrid.Platform(accounts, seed),
        "fraudar" => SyntheticGrid.Fraudar(seed),
        _ => SyntheticGrid.Default(accounts, seed),
    };

    private static SyntheticScenario Scenario(Settings settings, string name, int seed)
    {
        var scenario = Grid(settings.Grid, settings.Accounts, seed).Single(p => p.Name == name);
        try
        {
            scenario.Platform?.Validate();
            scenario.Fraudar?.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new UserFacingException($"Point {name} cannot be generated at --accounts {settings.Accounts:N0}: {ex.Message.Split(" (Parameter", 2)[0]}", ex);
        }

        return scenario;
    }

    private static bool Matches(string pattern, string name) =>
        pattern.EndsWith('*') ? name.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase) : name.Equals(pattern, StringComparison.OrdinalIgnoreCase);

    private static List<int> ParseSeeds(string text)
    {
        var seeds = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed))
            {
                throw new UserFacingException($"--seeds: '{part}' is not a whole number (give seeds separated by commas, e.g. 42,7,99).");
            }

            if (!seeds.Contains(seed))
            {
                seeds.Add(seed);
            }
        }

        return seeds.Count > 0 ? seeds : throw new UserFacingException("--seeds: give at least one seed, e.g. 42,7,99.");
    }

    private static string Brief(ClusterRecoveryReport report)
    {
        var recall = report.PlantedAbuse
            ? "mean F1 " + report.MeanF1.ToString("F3", CultureInfo.InvariantCulture) + " (" +
              string.Join(", ", report.MeanF1ByKind.Select(k => $"{k.Kind} {k.MeanF1:F2}")) + ")"
            : "no planted abuse";
        var precision = string.Join(", ", report.Precision.Select(p =>
            $"{ClusterKindParser.Name(p.Kind)} {p.MostlyPlanted}/{p.Reported}"));
        return $"{recall}; true/reported {precision}";
    }

    private static void Render(Settings settings, IReadOnlyList<int> seeds, List<RecoveryPointSummary> summaries, TimeSpan elapsed)
    {
        if (Console.IsOutputRedirected)
        {
            // Written to a file or pipe the table would be wrapped at 80 columns; one row per point is the point.
            AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 160);
        }

        var table = new Table()
            .Title($"Planted-cluster recovery: {summaries.Count} point(s) × {seeds.Count} seed(s) ({string.Join(", ", seeds)}), platforms of {settings.Accounts:N0} accounts")
            .AddColumns("point", "F1 ring", "F1 bot", "F1 farm", "F1 block", "F1 all", "worst run", "F1 first", "P ring", "P bot", "P block", "false r/b/k", "s/run");
        foreach (var s in summaries)
        {
            table.AddRow(
                TerminalText.Markup(s.Name),
                F(s.MeanF1ByKind, "ring"),
                F(s.MeanF1ByKind, "bot"),
                F(s.MeanF1ByKind, "farm"),
                F(s.MeanF1ByKind, "block"),
                s.MeanF1 is { } m ? $"{m:F3}" : "-",
                s.WorstRunF1 is { } w ? $"{w:F3}" : "-",
                P(s.FirstAnalysisMeanF1),
                P(s.Precision[ClusterKind.Ring]),
                P(s.Precision[ClusterKind.Bot]),
                P(s.Precision[ClusterKind.Block]),
                $"{s.MostFalsePerRun[ClusterKind.Ring]}/{s.MostFalsePerRun[ClusterKind.Bot]}/{s.MostFalsePerRun[ClusterKind.Block]}",
                $"{s.SecondsPerRun:F1}");
        }

        AnsiConsole.Write(table);
        var minimum = Minimum(summaries);
        AnsiConsole.MarkupLine(
            $"Overall minimum: mean F1 [bold]{Show(minimum.F1)}[/] ({TerminalText.Markup(minimum.F1Point ?? "-")}), " +
            $"precision [bold]{Show(minimum.Precision)}[/] ({TerminalText.Markup(minimum.PrecisionPoint ?? "-")}); " +
            $"most false ring/bot/block clusters in one run [bold]{minimum.MostFalse}[/] ({TerminalText.Markup(minimum.FalsePoint ?? "-")}); " +
            $"on benign-only platforms [bold]{minimum.BenignOnlyFalse?.ToString(CultureInfo.InvariantCulture) ?? "-"}[/].");
        AnsiConsole.MarkupLine(
            $"[dim]F1: best same-kind match per planted cluster, mean over clusters and seeds, after a scoring cycle where the point has labels " +
            $"(F1 first: of the first analysis, before it). P: share of reported clusters whose members are more than " +
            $"{ClusterRecovery.DefaultAbuserShareThreshold:P0} planted abusers, pooled over seeds (- when none reported). false: most false clusters of each kind in one run. " +
            $"{elapsed.TotalMinutes:F1} min in all.[/]");
    }

    private static (double? F1, string? F1Point, double? Precision, string? PrecisionPoint, int MostFalse, string? FalsePoint, int? BenignOnlyFalse) Minimum(
        List<RecoveryPointSummary> summaries)
    {
        var withF1 = summaries.Where(s => s.MeanF1 is not null).ToList();
        var f1 = withF1.Count == 0 ? null : withF1.MinBy(s => s.MeanF1);
        var precisions = summaries.SelectMany(s => s.Precision.Where(p => p.Value is not null).Select(p => (s.Name, Kind: p.Key, Value: p.Value!.Value))).ToList();
        (string Name, ClusterKind Kind, double Value)? precision = precisions.Count == 0 ? null : precisions.MinBy(p => p.Value);
        var falses = summaries.Select(s => (s.Name, Count: s.MostFalsePerRun.Values.Sum())).ToList();
        var mostFalse = falses.MaxBy(f => f.Count);
        var benignOnly = summaries.Where(s => !s.PlantsAbuse).ToList();
        return (
            f1?.MeanF1,
            f1?.Name,
            precision?.Value,
            precision is { } p ? $"{p.Name}, {ClusterKindParser.Name(p.Kind)}" : null,
            mostFalse.Count,
            mostFalse.Count > 0 ? mostFalse.Name : null,
            benignOnly.Count == 0 ? null : benignOnly.Max(s => s.MostFalsePerRun.Values.Sum()));
    }

    private static void WriteJson(Settings settings, IReadOnlyList<int> seeds, List<RecoveryRun> runs, List<RecoveryPointSummary> summaries, bool plotted)
    {
        var minimum = Minimum(summaries);
        JsonOutput.Write(new
        {
            accounts = settings.Accounts,
            seeds,
            grid = settings.Grid.ToLowerInvariant(),
            abuserShareThreshold = ClusterRecovery.DefaultAbuserShareThreshold,
            points = summaries.Select(s => new
            {
                name = s.Name,
                description = s.Description,
                runs = s.Runs,
                plantsAbuse = s.PlantsAbuse,
                density = s.Density,
                attack = s.Attack,
                meanF1ByKind = s.MeanF1ByKind.ToDictionary(k => k.Key, k => Math.Round(k.Value, 4)),
                meanF1 = Round(s.MeanF1),
                firstAnalysisMeanF1 = Round(s.FirstAnalysisMeanF1),
                worstRunF1 = Round(s.WorstRunF1),
                precision = s.Precision.ToDictionary(p => ClusterKindParser.Name(p.Key), p => Round(p.Value)),
                mostFalsePerRun = s.MostFalsePerRun.ToDictionary(p => ClusterKindParser.Name(p.Key), p => p.Value),
                secondsPerRun = Math.Round(s.SecondsPerRun, 2),
                seedRuns = runs.Where(r => r.Scenario.Name == s.Name).Select(r => new
                {
                    seed = r.Seed,
                    events = r.Events,
                    accounts = r.Accounts,
                    seconds = new
                    {
                        generate = Math.Round(r.Generate.TotalSeconds, 2),
                        ingest = Math.Round(r.Ingest.TotalSeconds, 2),
                        analyze = Math.Round(r.Analyze.TotalSeconds, 2),
                        scoringCycle = Math.Round(r.CycleTime.TotalSeconds, 2),
                    },
                    scoringCycle = r.Cycle,
                    firstAnalysis = new
                    {
                        meanF1 = r.FirstAnalysis.PlantedAbuse ? Math.Round(r.FirstAnalysis.MeanF1, 4) : (double?)null,
                        meanF1ByKind = r.FirstAnalysis.MeanF1ByKind.ToDictionary(k => k.Kind, k => Math.Round(k.MeanF1, 4)),
                        falseClusters = Analytics.Pipeline.ClusterRecoveryReport.JudgedKinds.ToDictionary(ClusterKindParser.Name, k => r.FirstAnalysis.PrecisionOf(k).False),
                    },
                    evaluation = ClusterRecoveryJson.From(r.Report),
                }),
            }),
            minimum = new
            {
                meanF1 = Round(minimum.F1),
                meanF1Point = minimum.F1Point,
                precision = Round(minimum.Precision),
                precisionPoint = minimum.PrecisionPoint,
                mostFalseClustersInOneRun = minimum.MostFalse,
                mostFalsePoint = minimum.FalsePoint,
                benignOnlyFalseClusters = minimum.BenignOnlyFalse,
            },
            plot = plotted ? Path.GetFullPath(settings.Plot!) : null,
        });
    }

    private static void ListPoints(IReadOnlyList<SyntheticScenario> points, bool json)
    {
        if (json)
        {
            JsonOutput.Write(points.Select(p => new { name = p.Name, description = p.Description, protocol = p.Platform is null ? "fraudar" : "platform" }));
            return;
        }

        var table = new Table().Title($"{points.Count} grid point(s)").AddColumns("point", "what it plants");
        foreach (var p in points)
        {
            table.AddRow(TerminalText.Markup(p.Name), TerminalText.Markup(p.Description));
        }

        AnsiConsole.Write(table);
    }

    private static void Progress(string line) => Console.Error.WriteLine(line);

    private static string F(IReadOnlyDictionary<string, double> byKind, string kind) => byKind.TryGetValue(kind, out var v) ? $"{v:F3}" : "-";

    private static string P(double? value) => value is { } v ? $"{v:F3}" : "-";

    private static string Show(double? value) => value is { } v ? v.ToString("F3", CultureInfo.InvariantCulture) : "-";

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A store file still held by a finishing connection; the temp cleaner takes it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
