using System.ComponentModel;
using BehaviorGraph.Analytics.Benchmarks;
using BehaviorGraph.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands.Bench;

/// <summary>
/// Times WCC, Louvain, k-core, triangles and PageRank on a seeded power-law graph; <c>--edge-list</c> writes the same
/// graph for tests/BehaviorGraph.Analytics.Tests/Benchmarks/igraph_bench.py to time python-igraph on it.
/// </summary>
internal sealed class BenchAlgorithmsCommand : Command<BenchAlgorithmsCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--edges <N>")]
        [DefaultValue(10_000_000)]
        public int Edges { get; init; } = 10_000_000;

        [CommandOption("--nodes <N>")]
        [Description("Default: edges / 10.")]
        public int? Nodes { get; init; }

        [CommandOption("--edge-list <PATH>")]
        [Description("Also write the graph as a whitespace-separated edge list.")]
        public string? EdgeList { get; init; }

        public override Spectre.Console.ValidationResult Validate() =>
            Edges < 10 ? Spectre.Console.ValidationResult.Error("--edges must be at least 10.") : Spectre.Console.ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var graph = SyntheticGraphs.PowerLaw(settings.Nodes ?? Math.Max(2, settings.Edges / 10), settings.Edges, 2.5, 42);
        if (settings.EdgeList is { } path)
        {
            using var writer = new StreamWriter(path);
            SyntheticGraphs.WriteEdgeList(graph, writer);
        }

        AlgorithmSuiteBenchmark.Run(graph, Console.Out, cancellationToken);
        return ExitCodes.Ok;
    }
}
