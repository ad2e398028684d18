using System.ComponentModel;
using BehaviorGraph.Cli.Commands.Scoring;
using BehaviorGraph.Cli.Infrastructure;
using BehaviorGraph.Core.Features;
using BehaviorGraph.Scoring;
using BehaviorGraph.Scoring.Scoring;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands.Bench;

/// <summary>
/// Times batch scoring with the promoted model on the latest feature snapshot, repeated up to <c>--accounts</c> rows
/// (real features, real model), warm and cold, with reasons for review/block accounts and for every account.
/// Nothing is published.
/// </summary>
internal sealed class BenchScoreCommand : AsyncCommand<BenchScoreCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--accounts <N>")]
        [DefaultValue(1_000_000)]
        public int Accounts { get; init; } = 1_000_000;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var store = await StoreAccess.OpenAsync(settings, cancellationToken);
        var snapshot = await ScoringStores.LatestSnapshotAsync(store, cancellationToken);
        var record = await store.Models.GetPromotedAsync(cancellationToken)
            ?? throw new UserFacingException("No model is promoted; run `bgraph train` first.");
        if (snapshot.Rows.Count == 0)
        {
            throw new UserFacingException("The latest feature snapshot is empty.");
        }

        var model = ScoringModel.Load(record);
        var rows = Enumerable.Range(0, settings.Accounts)
            .Select(i => snapshot.Rows[i % snapshot.Rows.Count] is var row ? new AccountFeatureRow(row.Account + "#" + i, row.Values) : null!)
            .ToList();
        var large = snapshot with { Rows = rows };
        var figures = new List<object>();
        var table = new Table().Title($"Batch scoring of {settings.Accounts:N0} accounts with {TerminalText.Markup(record.Info.Version)}")
            .AddColumns("reasons for", "run", "seconds", "accounts/s");
        foreach (var (name, options) in new[] { ("review/block accounts", ScoringOptions.Default), ("every account", ScoringOptions.Default with { ExplainFrom = 0 }) })
        {
            for (var run = 1; run <= 2; run++)
            {
                var result = model.ScoreAll(large, options, 0, DateTimeOffset.UtcNow);
                figures.Add(new { reasonsFor = name, run, seconds = result.Elapsed.TotalSeconds, accountsPerSecond = result.AccountsPerSecond });
                table.AddRow(name, run == 1 ? "cold" : "warm", result.Elapsed.TotalSeconds.ToString("F2"), $"{result.AccountsPerSecond:N0}");
            }
        }

        if (settings.Json)
        {
            JsonOutput.Write(new { model = record.Info.Version, accounts = settings.Accounts, features = snapshot.FeatureNames.Count, figures });
        }
        else
        {
            AnsiConsole.Write(table);
        }

        return ExitCodes.Ok;
    }
}
