using System.ComponentModel;
using System.Globalization;
using BehaviorGraph.Api;
using BehaviorGraph.Api.Hosting;
using BehaviorGraph.Cli.Infrastructure;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Hosting;
using BehaviorGraph.Hosting.Settings;
using BehaviorGraph.Jobs;
using BehaviorGraph.Jobs.Schedules;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands.Service;

/// <summary>
/// Runs the API, the Hangfire dashboard and (unless --no-jobs) a Hangfire job server on the configured store. Its
/// flags are settings of the highest precedence: each overrides the environment and appsettings.json.
/// </summary>
internal sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--urls <URLS>")]
        [Description("Addresses to listen on, separated by ';'.")]
        [DefaultValue("http://127.0.0.1:5080")]
        public string Urls { get; init; } = "http://127.0.0.1:5080";

        [CommandOption("--schedules <FILE>")]
        [Description("The schedule file of recurring jobs. Default: BehaviorGraph:Jobs:SchedulesPath, else " + ScheduleFile.DefaultPath + ".")]
        public string? Schedules { get; init; }

        [CommandOption("--inbox <DIR>")]
        [Description("Folder the ingest job scans when its schedule names none; ingested files move to DIR/done. Default: BehaviorGraph:Jobs:InboxPath, else " + JobsOptions.DefaultInboxPath + ".")]
        public string? Inbox { get; init; }

        [CommandOption("--no-jobs")]
        [Description("Serve the API and dashboard only; run no job server in this process (BehaviorGraph:Jobs:RunServer=false).")]
        public bool NoJobs { get; init; }

        [CommandOption("--workers <N>")]
        [Description("Hangfire workers in this process. Default: BehaviorGraph:Jobs:Workers, else one per core, at most 4.")]
        public int? Workers { get; init; }

        [CommandOption("--rate-limit <N>")]
        [Description("Requests per second each API key may make on average; bursts up to twice that. Default: BehaviorGraph:Service:RateLimitPerSecond (and RateLimitBurst), else 500.")]
        public int? RateLimit { get; init; }

        public override ValidationResult Validate()
        {
            if (Workers is < 1 or > JobsOptions.MaxWorkers)
            {
                return ValidationResult.Error($"--workers must be between 1 and {JobsOptions.MaxWorkers}.");
            }

            return RateLimit < 1 ? ValidationResult.Error("--rate-limit must be at least 1.") : ValidationResult.Success();
        }

        /// <summary>The flags given, as the configuration keys they set.</summary>
        public Dictionary<string, string?> AsConfiguration()
        {
            var flags = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            if (Schedules is not null)
            {
                flags[$"{JobsOptions.SectionName}:{nameof(JobsOptions.SchedulesPath)}"] = Schedules;
            }

            if (Inbox is not null)
            {
                flags[$"{JobsOptions.SectionName}:{nameof(JobsOptions.InboxPath)}"] = Inbox;
            }

            if (NoJobs)
            {
                flags[$"{JobsOptions.SectionName}:{nameof(JobsOptions.RunServer)}"] = "false";
            }

            if (Workers is { } workers)
            {
                flags[$"{JobsOptions.SectionName}:{nameof(JobsOptions.Workers)}"] = workers.ToString(CultureInfo.InvariantCulture);
            }

            if (RateLimit is { } rate)
            {
                flags[$"{ServiceOptions.SectionName}:{nameof(ServiceOptions.RateLimitPerSecond)}"] = rate.ToString(CultureInfo.InvariantCulture);
                flags[$"{ServiceOptions.SectionName}:{nameof(ServiceOptions.RateLimitBurst)}"] = ServiceOptions.BurstFor(rate).ToString(CultureInfo.InvariantCulture);
            }

            return flags;
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var store = await StoreAccess.OpenAsync(settings, cancellationToken);
        var location = StoreLocation.Parse(BehaviorGraphSettings.ResolveStore(settings.Store, BehaviorGraphSettings.LoadConfiguration()).Value);
        var urls = settings.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        WebApplication app;
        try
        {
            app = BehaviorGraphService.Build(location, store, settings.AsConfiguration(), urls);
        }
        catch (Exception ex) when (ex is ScheduleFileException or OptionsValidationException or AggregateException)
        {
            throw new UserFacingException(SettingsRegistration.Describe(ex), ex);
        }

        await using (app)
        {
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OptionsValidationException or AggregateException)
            {
                throw new UserFacingException(SettingsRegistration.Describe(ex), ex);
            }

            var jobs = app.Services.GetRequiredService<IOptions<JobsOptions>>().Value;
            var service = app.Services.GetRequiredService<ServiceOptions>();
            Console.Error.WriteLine(TerminalText.Escape(
                $"bgraph: serving {store.Description} on {settings.Urls} (rate limit {service.RateLimitPerSecond}/s per key, bursts to {service.RateLimitBurst}); " +
                $"jobs in {JobsServiceCollectionExtensions.DescribeStorage(location)}" +
                (jobs.RunServer ? $" with {jobs.Workers} worker(s)" : " (no job server here)")));
            await app.WaitForShutdownAsync(cancellationToken);
        }

        return ExitCodes.Ok;
    }
}
