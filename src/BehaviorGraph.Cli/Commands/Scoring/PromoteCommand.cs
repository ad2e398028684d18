using System.ComponentModel;
using BehaviorGraph.Cli.Infrastructure;
using BehaviorGraph.Scoring;
using BehaviorGraph.Scoring.Registry;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands.Scoring;

internal sealed class PromoteCommand : AsyncCommand<PromoteCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<VERSION>")]
        [Description("The model version to promote (see `bgraph models`).")]
        public string Version { get; init; } = string.Empty;

        [CommandOption("--force")]
        [Description("Promote even if the gate refuses.")]
        public bool Force { get; init; }

        [CommandOption("--auprc-tolerance <D>")]
        [Description("Gate: promote if AUPRC ≥ the promoted model's AUPRC minus this.")]
        [DefaultValue(0.01)]
        public double AuprcTolerance { get; init; } = 0.01;

        [CommandOption("--min-auc <AUC>")]
        [Description("Gate when nothing is promoted yet: the model's AUC must reach this.")]
        [DefaultValue(0.7)]
        public double MinAuc { get; init; } = 0.7;
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        ScoringFailures.Guard(async () =>
        {
            await using var store = await StoreAccess.OpenAsync(settings, cancellationToken);
            var lifecycle = new ModelLifecycle(
                store.Models, TrainingOptions.Default, EvaluationOptions.Default, new PromotionGateOptions(settings.AuprcTolerance, settings.MinAuc));
            var decision = await lifecycle.PromoteAsync(settings.Version, settings.Force, cancellationToken);
            if (settings.Json)
            {
                JsonOutput.Write(new { version = settings.Version, promoted = decision.Promoted, reason = decision.Reason });
            }
            else if (decision.Promoted)
            {
                AnsiConsole.MarkupLine($"[green]Promoted[/] {TerminalText.Markup(settings.Version)}: {TerminalText.Markup(decision.Reason)}");
            }

            if (!decision.Promoted)
            {
                throw new UserFacingException($"Model {settings.Version} was not promoted: {decision.Reason}. Use --force to override the gate.");
            }

            return ExitCodes.Ok;
        });
}
