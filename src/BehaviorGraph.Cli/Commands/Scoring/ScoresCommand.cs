using System.ComponentModel;
using System.Globalization;
using System.Text;
using BehaviorGraph.Cli.Infrastructure;
using BehaviorGraph.Core.Scoring;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands.Scoring;

internal sealed class ScoresCommand : AsyncCommand<ScoresCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--out <FILE>")]
        [Description("CSV to write: account,score,decision,reasons,model_version (reasons as CODE=value;CODE=value).")]
        public string Out { get; init; } = string.Empty;

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out FILE.csv is required.") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var store = await StoreAccess.OpenAsync(settings, cancellationToken);
        var run = await store.Scores.GetLatestRunAsync(cancellationToken)
            ?? throw new UserFacingException("No scoring run has been published; run `bgraph score` first.");
        var directory = Path.GetDirectoryName(Path.GetFullPath(settings.Out));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        long rows = 0;
        await using (var writer = new StreamWriter(settings.Out, append: false, new UTF8Encoding(false)))
        {
            await writer.WriteLineAsync("account,score,decision,reasons,model_version");
            await foreach (var score in store.Scores.ExportAsync(cancellationToken))
            {
                await writer.WriteLineAsync(Line(score));
                rows++;
            }
        }

        if (settings.Json)
        {
            JsonOutput.Write(new { file = Path.GetFullPath(settings.Out), rows, runId = run.RunId, modelVersion = run.ModelVersion });
        }
        else
        {
            AnsiConsole.MarkupLine($"Wrote {rows:N0} scores of run {run.RunId} ({TerminalText.Markup(run.ModelVersion)}) to {TerminalText.Markup(Path.GetFullPath(settings.Out))}.");
        }

        return ExitCodes.Ok;
    }

    internal static string Line(AccountScore s) => string.Join(',',
        Csv(s.Account),
        s.Score.ToString("0.######", CultureInfo.InvariantCulture),
        s.Decision.ToString().ToLowerInvariant(),
        Csv(string.Join(';', s.Reasons.Select(r => $"{r.Code}={r.Value.ToString("G6", CultureInfo.InvariantCulture)}"))),
        Csv(s.ModelVersion));

    private static string Csv(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
