using System.ComponentModel;
using BehaviorGraph.Api;
using BehaviorGraph.Api.Hosting;
using BehaviorGraph.Cli.Infrastructure;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Hosting;
using BehaviorGraph.Jobs;
using BehaviorGraph.Jobs.Schedules;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands.Service;

/// <summary>Runs the API, the Hangfire dashboard and (unless --no-jobs) a Hangfire job server on the configured store.</summary>
internal sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--urls <URLS>")]
        [Description("Addresses to listen on, separated by ';'.")]
        [DefaultValue("http://127.0.0.1:5080")]
        public string Urls { get; init; } = "http://127.0.0.1:5080";

        [CommandOption("--schedules <FILE>")]
        [Description("The schedule file of recurring jobs.")]
        [DefaultValue(ScheduleFile.DefaultPath)]
        public string Schedules { get; init; } = ScheduleFile.DefaultPath;

        [CommandOption("--inbox <DIR>")]
        [Description("Folder the ingest job scans when its schedule names none; ingested files move to DIR/done.")]
        [DefaultValue("./data/inbox")]
        public string Inbox { get; init; } = "./data/inbox";

        [CommandOption("--no-jobs")]
        [Description("Serve the API and dashboard only; run no job server in this process.")]
        public bool NoJobs { get; init; }

        [CommandOption("--workers <N>")]
        [Description("Hangfire workers in this process.")]
        [DefaultValue(2)]
        public int Workers { get; init; } = 2;

        [CommandOption("--rate-limit <N>")]
        [Description("Requests per second each API key may make on average; bursts up to twice that.")]
        [DefaultValue(500)]
        public int RateLimit { get; init; } = 500;

        public override ValidationResult Validate()
        {
            if (Workers is < 1 or > 64)
            {
                return ValidationResult.Error("--workers must be between 1 and 64.");
            }

            return RateLimit < 1 ? ValidationResult.Error("--rate-limit must be at least 1.") : ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var store = await StoreAccess.OpenAsync(settings, cancellationToken);
        var location = StoreLocation.Parse(BehaviorGraphSettings.ResolveStore(settings.Store, BehaviorGraphSettings.LoadConfiguration()).Value);
        var options = new ServiceOptions(location)
        {
            SchedulesPath = settings.Schedules,
            InboxPath = settings.Inbox,
            RunJobServer = !settings.NoJobs,
            JobWorkers = settings.Workers,
            RateLimitPerSecond = settings.RateLimit,
            RateLimitBurst = settings.RateLimit > int.MaxValue / 2 ? int.MaxValue : settings.RateLimit * 2,
        };
        WebApplication app;
        try
        {
            app = BehaviorGraphService.Build(options, store, urls: settings.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        catch (ScheduleFileException ex)
        {
            throw new UserFacingException(ex.Message, ex);
        }

        await using (app)
        {
            Console.Error.WriteLine(TerminalText.Escape(
                $"bgraph: serving {store.Description} on {settings.Urls}; jobs in {JobsServiceCollectionExtensions.DescribeStorage(location)}" +
                (settings.NoJobs ? " (no job server here)" : $" with {settings.Workers} worker(s)")));
            await app.StartAsync(cancellationToken);
            await app.WaitForShutdownAsync(cancellationToken);
        }

        return ExitCodes.Ok;
    }
}
