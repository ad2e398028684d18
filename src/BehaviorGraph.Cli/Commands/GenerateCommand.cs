using System.ComponentModel;
using BehaviorGraph.Cli.Infrastructure;
using BehaviorGraph.Synthetic;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands;

internal sealed class GenerateCommand : AsyncCommand<GenerateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--out <DIR>")]
        [Description("Directory to write events.csv, labels.csv and truth.json into (created if missing).")]
        public string Out { get; init; } = string.Empty;

        [CommandOption("--accounts <N>")]
        [Description("Accounts on the simulated platform; about 50 events each.")]
        [DefaultValue(20_000)]
        public int Accounts { get; init; } = 20_000;

        [CommandOption("--seed <S>")]
        [Description("Seed; the same seed always writes the same files.")]
        [DefaultValue(42)]
        public int Seed { get; init; } = 42;

        [CommandOption("--json")]
        [Description("Write the summary as JSON.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out DIR is required.") : ValidationResult.Success();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = new SyntheticOptions(settings.Accounts, settings.Seed);
        try
        {
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new UserFacingException(ex.Message.Split(" (Parameter", 2)[0], ex);
        }

        GenerationSummary summary;
        if (settings.Json || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            summary = SyntheticPlatform.Generate(options, settings.Out, null, cancellationToken);
        }
        else
        {
            summary = AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                .Start(progress =>
                {
                    var task = progress.AddTask("generating", maxValue: 1);
                    var reporter = new SynchronousProgress<GenerationProgress>(p =>
                    {
                        task.Description = p.Stage;
                        task.Value = Math.Clamp(p.Fraction, 0, 1);
                    });
                    var result = SyntheticPlatform.Generate(options, settings.Out, reporter, cancellationToken);
                    task.Value = 1;
                    return result;
                });
        }

        if (settings.Json)
        {
            JsonOutput.Write(summary);
        }
        else
        {
            var table = new Table().Title("Synthetic platform").AddColumns("", "");
            table.AddRow("events", $"{summary.Events:N0}  [dim]{TerminalText.Markup(summary.EventsPath)}[/]");
            table.AddRow("accounts", $"{summary.Accounts:N0}");
            table.AddRow("planted spam rings", $"{summary.Rings:N0}");
            table.AddRow("planted bot clusters", $"{summary.BotClusters:N0}");
            table.AddRow("labels", $"{summary.LabelledAbusive:N0} abusive, {summary.LabelledBenign:N0} benign  [dim]{TerminalText.Markup(summary.LabelsPath)}[/]");
            table.AddRow("truth", $"[dim]{TerminalText.Markup(summary.TruthPath)}[/]");
            AnsiConsole.Write(table);
        }

        return Task.FromResult(ExitCodes.Ok);
    }
}
