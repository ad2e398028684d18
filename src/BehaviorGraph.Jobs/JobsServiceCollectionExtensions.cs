using BehaviorGraph.Core.Storage;
using BehaviorGraph.Jobs.Hosting;
using BehaviorGraph.Jobs.Jobs;
using BehaviorGraph.Jobs.Schedules;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.DependencyInjection;

namespace BehaviorGraph.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Hangfire with storage that follows the store (SQLite: <c>hangfire.db</c> beside the store file; PostgreSQL: the
    /// same database, schema <c>hangfire</c>, so every host pointed at it shares the queues), the jobs, the schedule
    /// file (loaded and validated now: an invalid file throws <see cref="ScheduleFileException"/>) and, unless
    /// <see cref="JobsOptions.RunServer"/> is false, a Hangfire server listening on every scheduled queue.
    /// The host must register the <see cref="IBehaviorStore"/>.
    /// </summary>
    public static IServiceCollection AddBehaviorGraphJobs(this IServiceCollection services, JobsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var schedules = ScheduleFile.Load(options.SchedulesPath);
        services.AddSingleton(options);
        services.AddSingleton(schedules);
        services.AddHangfire((provider, configuration) =>
        {
            configuration
                .UseLogProvider(new HostBoundLogProvider(provider.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()))
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            UseStorage(configuration, options);
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
                server.WorkerCount = options.WorkerCount;
                server.SchedulePollingInterval = options.PollInterval;
                server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        }

        return services;
    }

    /// <summary>Where Hangfire keeps its jobs for <paramref name="store"/>, for messages.</summary>
    public static string DescribeStorage(StoreLocation store) => store.Backend switch
    {
        StoreBackend.Sqlite => "sqlite:" + HangfireSqlitePath(store),
        _ => $"{store} (schema hangfire)",
    };

    private static void UseStorage(IGlobalConfiguration configuration, JobsOptions options)
    {
        switch (options.Store.Backend)
        {
            case StoreBackend.Sqlite:
                configuration.UseSQLiteStorage(HangfireSqlitePath(options.Store), new SQLiteStorageOptions { QueuePollInterval = options.PollInterval });
                break;
            case StoreBackend.Postgres:
                configuration.UsePostgreSqlStorage(
                    o => o.UseNpgsqlConnection(options.Store.Target),
                    new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true, QueuePollInterval = options.PollInterval });
                break;
            default:
                throw new NotSupportedException($"Hangfire has no storage for {options.Store.Backend}.");
        }
    }

    private static string HangfireSqlitePath(StoreLocation store)
    {
        var file = Path.GetFullPath(store.Target);
        return Path.Combine(Path.GetDirectoryName(file) ?? ".", "hangfire.db");
    }
}
