using BehaviorGraph.Cli.Commands;
using BehaviorGraph.Cli.Commands.Analysis;
using BehaviorGraph.Cli.Commands.Bench;
using BehaviorGraph.Cli.Commands.Scoring;
using BehaviorGraph.Cli.Commands.Service;
using BehaviorGraph.Ingest;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Infrastructure;

/// <summary>The <c>bgraph</c> command tree and its error handling: every failure ends in a non-zero exit and one clear message.</summary>
public static class BgraphApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        return await RunCommandAsync(args, cancellation.Token);
    }

    /// <summary>Runs one bgraph command line in this process (the demo chains commands this way).</summary>
    public static async Task<int> RunCommandAsync(string[] args, CancellationToken cancellationToken)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("bgraph");
            // An option or argument no command declares is an error naming it (`ingest f.csv --stirct` must not run
            // without strict mode), not something set aside as "remaining arguments".
            config.UseStrictParsing();
            config.CancellationExitCode(ExitCodes.Cancelled);
            config.AddCommand<DemoCommand>("demo")
                .WithDescription("Generate → ingest → analyze → train → score on a fresh embedded store, and show what was found.")
                .WithExample("demo", "--accounts", "20000");
            config.AddCommand<GenerateCommand>("generate")
                .WithDescription("Write a synthetic social platform with planted abuse (rings, bot clusters, farms, engagement blocks) and hard negatives, or FRAUDAR's injection protocol (events, labels, truth).")
                .WithExample("generate", "--out", "./data/synthetic", "--accounts", "20000")
                .WithExample("generate", "--out", "./data/careful", "--careful-fraction", "1", "--careful-cover", "1", "--ring-signup-days", "7-30")
                .WithExample("generate", "--protocol", "fraudar", "--density", "0.04", "--attack", "random", "--seed", "1", "--out", "./data/fraudar");
            config.AddCommand<IngestCommand>("ingest")
                .WithDescription("Ingest event files (CSV or JSON Lines) into the event log and graph.")
                .WithExample("ingest", "events.csv", "--strict");
            config.AddCommand<StatsCommand>("stats")
                .WithDescription("Counts of events, nodes by kind, edges by type and quarantined rows.");
            config.AddCommand<AnalyzeCommand>("analyze")
                .WithDescription("Project the graph, run the algorithms and detectors, and write account features and clusters as one run.");
            config.AddCommand<ClustersCommand>("clusters")
                .WithDescription("List the latest run's clusters (rings, bots, linked identities), best first.")
                .WithExample("clusters", "--kind", "ring", "--top", "10");
            config.AddCommand<ClusterCommand>("cluster")
                .WithDescription("One cluster: evidence, figures and members.")
                .WithExample("cluster", "ring-1", "--json");
            config.AddCommand<EvaluateClustersCommand>("evaluate-clusters")
                .WithDescription("Recall (best same-kind F1 of every planted cluster in truth.json), precision of reported ring/bot/block clusters, and false clusters, for the latest run.")
                .WithExample("evaluate-clusters", "--truth", "truth.json", "--json");
            config.AddCommand<TrainCommand>("train")
                .WithDescription("Train a model on the latest feature snapshot and labels; cross-validate, register and promote it if it passes the gate.")
                .WithExample("train", "--labels", "labels.csv");
            config.AddCommand<EvaluateCommand>("evaluate")
                .WithDescription("Grouped, stratified k-fold cross-validation: AUC, AUPRC, precision@k and recall at the review threshold.")
                .WithExample("evaluate", "--labels", "labels.csv", "--folds", "10", "--json");
            config.AddCommand<ModelsCommand>("models").WithDescription("List registered models with their metrics; the promoted one is marked.");
            config.AddCommand<PromoteCommand>("promote")
                .WithDescription("Promote a model version if it passes the promotion gate (--force to override).");
            config.AddCommand<ScoreCommand>("score")
                .WithDescription("Score every account of the latest snapshot with the promoted model and publish the run atomically.");
            config.AddCommand<ScoresCommand>("scores")
                .WithDescription("Export the latest scoring run as CSV (account,score,decision,reasons,model_version).")
                .WithExample("scores", "--out", "scores.csv");
            config.AddCommand<AccountCommand>("account")
                .WithDescription("One account's score, decision, reasons, clusters and labels.")
                .WithExample("account", "u42", "--json");
            config.AddCommand<ReportCommand>("report")
                .WithDescription("Write ROC/PR curves, score histogram, feature importance and cluster sizes as PNG plus index.html.")
                .WithExample("report", "--out", "./data/report");
            config.AddCommand<GraphSyncCommand>("graph-sync")
                .WithDescription("Mirror the graph into Neo4j (idempotent) and write cluster ids onto Account nodes.");
            config.AddCommand<ServeCommand>("serve")
                .WithDescription("Run the API, the Hangfire dashboard and a job server on the configured store.")
                .WithExample("serve", "--urls", "http://127.0.0.1:5080");
            config.AddBranch("keys", keys =>
            {
                keys.SetDescription("API keys (stored as SHA-256 hashes).");
                keys.AddCommand<KeysCreateCommand>("create")
                    .WithDescription("Create an API key with a role and print it once.")
                    .WithExample("keys", "create", "--role", "analyst");
                keys.AddCommand<KeysListCommand>("list")
                    .WithDescription("List API keys: name, role, hash prefix, created, revoked (never the keys).");
                keys.AddCommand<KeysRevokeCommand>("revoke")
                    .WithDescription("Revoke an API key by the key, its name or a hash prefix; a running service refuses it within 30 s.")
                    .WithExample("keys", "revoke", "analyst-3fa9c2d1");
            });
            config.AddBranch("bench", bench =>
            {
                bench.SetDescription("Benchmarks that report figures (run a Release build).");
                bench.AddCommand<BenchIngestCommand>("ingest")
                    .WithDescription("Time ingest of ~1M events and, in the same run, sqlite3's .import of the same rows.");
                bench.AddCommand<BenchScoreCommand>("score")
                    .WithDescription("Time batch scoring with the promoted model on the latest snapshot, repeated to N accounts.");
                bench.AddCommand<BenchPipelineCommand>("pipeline")
                    .WithDescription("Time ingest → analyze → train → score → publish on a fresh store, with each stage's peak memory.")
                    .WithExample("bench", "pipeline", "--accounts", "200000");
                bench.AddCommand<BenchAlgorithmsCommand>("algorithms")
                    .WithDescription("Time WCC, Louvain, k-core, triangles and PageRank on a power-law graph.");
                bench.AddCommand<BenchRecoveryCommand>("recovery")
                    .WithDescription("Planted-cluster recovery over a grid of generator settings and FRAUDAR's protocol: generate, ingest, analyze, evaluate; one row per point.")
                    .WithExample("bench", "recovery", "--accounts", "20000", "--seeds", "42,7,99", "--plot", "fraudar-f1.png");
            });
            config.SetExceptionHandler((exception, _) => ReportFailure(exception));
        });

        return await app.RunAsync(args, cancellationToken);
    }

    private static int ReportFailure(Exception exception)
    {
        switch (exception)
        {
            case CommandParseException or CommandRuntimeException:
                WriteError(exception.Message);
                return ExitCodes.Usage;
            case OperationCanceledException:
                WriteError("Cancelled.");
                return ExitCodes.Cancelled;
            case UserFacingException or IngestInputException:
                WriteError(exception.Message);
                return ExitCodes.Failure;
            case AggregateException { InnerExceptions.Count: 1 } aggregate:
                return ReportFailure(aggregate.InnerExceptions[0]);
            default:
                // An unexpected failure: its own message says what went wrong (the file, the path, the database's
                // words), without the .NET type name or stack trace; BGRAPH_DEBUG=1 prints the whole exception.
                WriteError(exception.Message);
                if (Environment.GetEnvironmentVariable("BGRAPH_DEBUG") == "1")
                {
                    foreach (var line in exception.ToString().Split('\n'))
                    {
                        Console.Error.WriteLine(TerminalText.Escape(line.TrimEnd('\r')));
                    }
                }

                return ExitCodes.Failure;
        }
    }

    /// <summary>One line on standard error, escaped: messages often quote the input that caused them.</summary>
    private static void WriteError(string message) => Console.Error.WriteLine($"bgraph: error: {TerminalText.Escape(message)}");
}
