using BehaviorGraph.Core.Storage;
using BehaviorGraph.Hosting.Settings;
using BehaviorGraph.Jobs.Hosting;
using BehaviorGraph.Jobs.Jobs;
using BehaviorGraph.Jobs.Schedules;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BehaviorGraph.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Hangfire with storage that follows the store (SQLite: <c>hangfire.db</c> beside the store file; PostgreSQL: the
    /// same database, schema <c>hangfire</c>, so every host pointed at it shares the queues), the jobs, the schedule
    /// file (loaded and validated now: an invalid file throws <see cref="ScheduleFileException"/>) and, unless
    /// <see cref="JobsOptions.RunServer"/> is false, a Hangfire server listening on every scheduled queue.
    /// <see cref="JobsOptions"/> and the analysis options the analyze job runs with are bound from
    /// <paramref name="configuration"/> (sections <c>BehaviorGraph:Jobs</c> and <c>BehaviorGraph:Analysis</c>); the jobs
    /// settings are read and checked now, as registering the server needs them (an invalid one throws
    /// <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>), the analysis settings at start.
    /// The host must register the <see cref="IBehaviorStore"/> and <see cref="IConfiguration"/>.
    /// </summary>
    public static IServiceCollection AddBehaviorGraphJobs(this IServiceCollection services, IConfiguration configuration, StoreLocation store)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(store);
        var options = ReadOptions(configuration);
        var schedules = ScheduleFile.Load(options.SchedulesPath);
        services.AddBehaviorGraphSettings<JobsOptions>(JobsOptions.SectionName, JobsOptions.Check);
        services.AddBehaviorGraphAnalysisSettings();
        services.AddSingleton(schedules);
        services.AddSingleton(global::BehaviorGraph.Hosting.AnalysisStateLocation.For(store));
        services.AddHangfire((provider, configuration) =>
        {
            configuration
                .UseLogProvider(new HostBoundLogProvider(provider.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()))
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            UseStorage(configuration, store, options.PollInterval);
        });
        services.AddSingleton(sp => new JobTrigger(sp.GetRequiredService<IBackgroundJobClient>(), schedules));
        services.AddTransient<InboxIngestor>();
        services.AddTransient<IngestJob>();
        services.AddTransient<AnalyzeJob>();
        services.AddTransient<TrainJob>();
        services.AddTransient<ScoreJob>();
        services.AddTransient<GraphSyncJob>();
        services.AddHostedService<ScheduleRegistrar>();
        if (options.RunServer)
        {
            var queues = schedules.Select(s => s.Queue).Append("default").Distinct(StringComparer.Ordinal).ToArray();
            services.AddHangfireServer(server =>
            {
                server.Queues = queues;
                server.WorkerCount = options.Workers;
                server.SchedulePollingInterval = options.PollInterval;
                server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        }

        return services;
    }

    /// <summary>The jobs settings <paramref name="configuration"/> gives, checked (<c>BehaviorGraph:Jobs</c>).</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is unknown, does not convert or is out of range.</exception>
    public static JobsOptions ReadOptions(IConfiguration configuration) =>
        SettingsRegistration.Read<JobsOptions>(configuration, JobsOptions.SectionName, JobsOptions.Check);

    /// <summary>Where Hangfire keeps its jobs for <paramref name="store"/>, for messages.</summary>
    public static string DescribeStorage(StoreLocation store) => store.Backend switch
    {
        StoreBackend.Sqlite => "sqlite:" + HangfireSqlitePath(store),
        _ => $"{store} (schema hangfire)",
    };

    private static void UseStorage(IGlobalConfiguration configuration, StoreLocation store, TimeSpan pollInterval)
    {
        switch (store.Backend)
        {
            case StoreBackend.Sqlite:
                configuration.UseSQLiteStorage(HangfireSqlitePath(store), new SQLiteStorageOptions { QueuePollInterval = pollInterval });
                break;
            case StoreBackend.Postgres:
                configuration.UsePostgreSqlStorage(
                    o => o.UseNpgsqlConnection(store.Target),
                    new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true, QueuePollInterval = pollInterval });
                break;
            default:
                throw new NotSupportedException($"Hangfire has no storage for {store.Backend}.");
        }
    }

    private static string HangfireSqlitePath(StoreLocation store)
    {
        var file = Path.GetFullPath(store.Target);
        return Path.Combine(Path.GetDirectoryName(file) ?? ".", "hangfire.db");
    }
}
