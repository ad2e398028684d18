using System.ComponentModel;
using BehaviorGraph.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands.Scoring;

internal sealed class AccountCommand : AsyncCommand<AccountCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The account key.")]
        public string Id { get; init; } = string.Empty;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var store = await StoreAccess.OpenAsync(settings, cancellationToken);
        var score = await store.Scores.GetAsync(settings.Id, cancellationToken);
        var labels = await store.Labels.GetForAccountAsync(settings.Id, cancellationToken);
        var clusters = await store.Clusters.GetForAccountAsync(settings.Id, cancellationToken);
        if (score is null && labels.Count == 0 && clusters.Count == 0)
        {
            throw new UserFacingException($"Account '{settings.Id}' has no score, label or cluster in {store.Description}.");
        }

        if (settings.Json)
        {
            JsonOutput.Write(new
            {
                account = settings.Id,
                score = score?.Score,
                decision = score?.Decision.ToString().ToLowerInvariant(),
                modelVersion = score?.ModelVersion,
                runId = score?.RunId,
                scoredAt = score?.ScoredAt,
                reasons = score?.Reasons ?? [],
                clusters = clusters.Select(c => new
                {
                    id = c.Id,
                    kind = c.Kind.ToString().ToLowerInvariant(),
                    score = c.Score,
                    members = c.Members.Count,
                    evidence = c.Evidence,
                    figures = c.Figures,
                }),
                labels = labels.Select(l => new { label = l.Label.ToString().ToLowerInvariant(), l.Source, l.Analyst, l.Note, l.LabelledAt }),
            });
            return ExitCodes.Ok;
        }

        AnsiConsole.MarkupLine(score is null
            ? $"[bold]{TerminalText.Markup(settings.Id)}[/]: not scored in the latest run."
            : $"[bold]{TerminalText.Markup(settings.Id)}[/]: score {score.Score:F4} → [bold]{score.Decision.ToString().ToLowerInvariant()}[/] " +
              $"(model {TerminalText.Markup(score.ModelVersion)}, run {score.RunId}, {score.ScoredAt:yyyy-MM-dd HH:mm} UTC)");
        if (score is { Reasons.Count: > 0 })
        {
            var reasons = new Table().Title("Reasons").AddColumns("code", "value", "contribution", "why");
            foreach (var r in score.Reasons)
            {
                reasons.AddRow(TerminalText.Markup(r.Code), r.Value.ToString("G6"), r.Contribution.ToString("F3"), TerminalText.Markup(r.Text));
            }

            AnsiConsole.Write(reasons);
        }

        if (clusters.Count > 0)
        {
            var table = new Table().Title("Clusters").AddColumns("id", "kind", "members", "score", "evidence");
            foreach (var c in clusters)
            {
                table.AddRow(TerminalText.Markup(c.Id), c.Kind.ToString().ToLowerInvariant(), $"{c.Members.Count:N0}", c.Score.ToString("F3"), TerminalText.Markup(c.Evidence));
            }

            AnsiConsole.Write(table);
        }

        foreach (var l in labels)
        {
            AnsiConsole.MarkupLine(
                $"label [bold]{l.Label.ToString().ToLowerInvariant()}[/] from {TerminalText.Markup(l.Source)}{(l.Analyst is null ? "" : " by " + TerminalText.Markup(l.Analyst))} " +
                $"at {l.LabelledAt:yyyy-MM-dd HH:mm}{(l.Note is null ? "" : " — " + TerminalText.Markup(l.Note))}");
        }

        return ExitCodes.Ok;
    }
}
