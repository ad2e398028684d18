using BehaviorGraph.Cli.Commands;
using BehaviorGraph.Cli.Commands.Bench;
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

        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("bgraph");
            config.CancellationExitCode(ExitCodes.Cancelled);
            config.AddCommand<GenerateCommand>("generate")
                .WithDescription("Write a synthetic social platform with planted spam rings and bot clusters (events, labels, truth).")
                .WithExample("generate", "--out", "./data/synthetic", "--accounts", "20000");
            config.AddCommand<IngestCommand>("ingest")
                .WithDescription("Ingest event files (CSV or JSON Lines) into the event log and graph.")
                .WithExample("ingest", "events.csv", "--strict");
            config.AddCommand<StatsCommand>("stats")
                .WithDescription("Counts of events, nodes by kind, edges by type and quarantined rows.");
            config.AddCommand<GraphSyncCommand>("graph-sync")
                .WithDescription("Mirror the graph into Neo4j (idempotent) and write cluster ids onto Account nodes.");
            config.AddBranch("bench", bench =>
            {
                bench.SetDescription("Benchmarks that report figures (run a Release build).");
                bench.AddCommand<BenchIngestCommand>("ingest")
                    .WithDescription("Time ingest of ~1M events and, in the same run, sqlite3's .import of the same rows.");
                bench.AddCommand<BenchAlgorithmsCommand>("algorithms")
                    .WithDescription("Time WCC, Louvain, k-core, triangles and PageRank on a power-law graph.");
            });
            config.SetExceptionHandler((exception, _) => ReportFailure(exception));
        });

        return await app.RunAsync(args, cancellation.Token);
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
            default:
                WriteError($"{exception.GetType().Name}: {exception.Message}");
                return ExitCodes.Failure;
        }
    }

    private static void WriteError(string message) => Console.Error.WriteLine($"bgraph: error: {message}");
}
