using System.ComponentModel;
using BehaviorGraph.Cli.Infrastructure;
using BehaviorGraph.Core.Scoring;
using BehaviorGraph.Scoring;
using BehaviorGraph.Scoring.Scoring;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands.Scoring;

internal sealed class ScoreCommand : AsyncCommand<ScoreCommand.Settings>
{
    public sealed class Settings : ThresholdSettings
    {
        [CommandOption("--reasons <N>")]
        [Description("Reason codes per explained account.")]
        [DefaultValue(ScoringOptions.DefaultReasonCount)]
        public int Reasons { get; init; } = ScoringOptions.DefaultReasonCount;

        [CommandOption("--explain-all")]
        [Description("Explain every account, not only those sent to review or blocked (about 3× slower).")]
        public bool ExplainAll { get; init; }

        public override ValidationResult Validate() =>
            Reasons is < 0 or > 10 ? ValidationResult.Error("--reasons must be between 0 and 10.") : base.Validate();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        ScoringFailures.Guard(async () =>
        {
            await using var store = await StoreAccess.OpenAsync(settings, cancellationToken);
            var snapshot = await ScoringStores.LatestSnapshotAsync(store, cancellationToken);
            var options = new ScoringOptions(settings.Thresholds, settings.Reasons, ExplainFrom: settings.ExplainAll ? 0 : null);
            ScoringRunInfo run;
            ScoringBatchResult batch;
            try
            {
                (run, batch) = await ScoringRun.ExecuteAsync(store.Models, store.Scores, snapshot, options, null, cancellationToken);
            }
            catch (InvalidOperationException ex) when (ex.Message.StartsWith("No model is promoted", StringComparison.Ordinal))
            {
                throw new UserFacingException(ex.Message, ex);
            }

            var byDecision = batch.Scores.GroupBy(s => s.Decision).ToDictionary(g => g.Key, g => g.Count());
            if (settings.Json)
            {
                JsonOutput.Write(new
                {
                    store = store.Description,
                    runId = run.RunId,
                    modelVersion = run.ModelVersion,
                    snapshotRunId = run.SnapshotRunId,
                    accounts = run.Accounts,
                    allow = byDecision.GetValueOrDefault(Decision.Allow),
                    review = byDecision.GetValueOrDefault(Decision.Review),
                    block = byDecision.GetValueOrDefault(Decision.Block),
                    scoringSeconds = batch.Elapsed.TotalSeconds,
                    accountsPerSecond = batch.AccountsPerSecond,
                });
                return ExitCodes.Ok;
            }

            AnsiConsole.MarkupLine(
                $"Scored {run.Accounts:N0} accounts of analysis run {run.SnapshotRunId} with [bold]{TerminalText.Markup(run.ModelVersion)}[/] " +
                $"in {batch.Elapsed.TotalSeconds:N2} s ({batch.AccountsPerSecond:N0} accounts/s); published as scoring run {run.RunId}.");
            AnsiConsole.MarkupLine(
                $"allow {byDecision.GetValueOrDefault(Decision.Allow):N0} · [yellow]review {byDecision.GetValueOrDefault(Decision.Review):N0}[/] · " +
                $"[red]block {byDecision.GetValueOrDefault(Decision.Block):N0}[/] (review ≥ {settings.Review}, block ≥ {settings.Block})");
            var top = new Table().Title("Highest scores").AddColumns("account", "score", "decision", "reasons");
            foreach (var s in batch.Scores.OrderByDescending(s => s.Score).ThenBy(s => s.Account, StringComparer.Ordinal).Take(10))
            {
                top.AddRow(TerminalText.Markup(s.Account), s.Score.ToString("F4"), s.Decision.ToString().ToLowerInvariant(),
                    TerminalText.Markup(string.Join("; ", s.Reasons.Select(r => $"{r.Code} ({r.Text})"))));
            }

            AnsiConsole.Write(top);
            return ExitCodes.Ok;
        });
}
