using System.ComponentModel;
using BehaviorGraph.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands;

/// <summary>
/// The whole product in one command on a fresh embedded store: generate a platform with planted abuse, ingest it,
/// analyze, train and cross-validate, score, and show what was found next to what was planted.
/// </summary>
internal sealed class DemoCommand : AsyncCommand<DemoCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--accounts <N>")]
        [Description("Accounts on the simulated platform (about 50 events each).")]
        [DefaultValue(20_000)]
        public int Accounts { get; init; } = 20_000;

        [CommandOption("--seed <S>")]
        [DefaultValue(42)]
        public int Seed { get; init; } = 42;

        [CommandOption("--dir <DIR>")]
        [Description("Working directory of the demo; emptied first. Its store is DIR/behaviorgraph.db.")]
        [DefaultValue("data/demo")]
        public string Directory { get; init; } = "data/demo";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var dir = Path.GetFullPath(settings.Directory);
        if (System.IO.Directory.Exists(dir))
        {
            System.IO.Directory.Delete(dir, recursive: true);
        }

        System.IO.Directory.CreateDirectory(dir);
        var store = "sqlite:" + Path.Combine(dir, "behaviorgraph.db");
        var events = Path.Combine(dir, "events.csv");
        var labels = Path.Combine(dir, "labels.csv");
        var report = Path.Combine(dir, "report");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        string[][] steps =
        [
            ["generate", "--out", dir, "--accounts", settings.Accounts.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", settings.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            ["ingest", events, "--store", store],
            ["analyze", "--labels", labels, "--store", store],
            ["evaluate-clusters", "--truth", Path.Combine(dir, "truth.json"), "--store", store],
            ["train", "--labels", labels, "--store", store],
            ["score", "--store", store],
            ["clusters", "--kind", "ring", "--top", "5", "--store", store],
            ["clusters", "--kind", "bot", "--top", "5", "--store", store],
            ["report", "--out", report, "--store", store],
        ];
        foreach (var step in steps)
        {
            AnsiConsole.Write(new Rule($"[bold]bgraph {TerminalText.Markup(step[0])}[/]").LeftJustified());
            var exit = await BgraphApp.RunCommandAsync(step, cancellationToken);
            if (exit != ExitCodes.Ok)
            {
                throw new UserFacingException($"The demo stopped: `bgraph {string.Join(' ', step)}` exited with {exit}.");
            }
        }

        AnsiConsole.Write(new Rule().LeftJustified());
        AnsiConsole.MarkupLine($"Demo finished in {clock.Elapsed.TotalSeconds:F0} s. Store: [bold]{TerminalText.Markup(store)}[/]");
        AnsiConsole.MarkupLine($"Report: [bold]{TerminalText.Markup(Path.Combine(report, "index.html"))}[/]");
        AnsiConsole.MarkupLine($"Explore: [dim]bgraph account ID --store {TerminalText.Markup(store)}[/], [dim]bgraph cluster ID --store {TerminalText.Markup(store)}[/]");
        return ExitCodes.Ok;
    }
}
