using BehaviorGraph.Analytics.Pipeline;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Hosting.Settings;
using BehaviorGraph.Ingest;
using BehaviorGraph.Jobs.Jobs;
using BehaviorGraph.Storage.Sqlite;
using BehaviorGraph.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BehaviorGraph.Jobs.Tests.Settings;

/// <summary>The jobs' settings (<c>BehaviorGraph:Jobs</c>) and the analysis settings the analyze job runs with.</summary>
public sealed class JobsSettingsTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private IBehaviorStore _store = null!;

    private string Database => Path.Combine(_directory.Path, "bg.db");

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory.Path, "schedules.json"), """{ "schedules": [] }""");
        _store = await SqliteBehaviorStore.OpenAsync(Database, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public void ReadOptions_GivesTheDefaults_WhenNothingIsSet_AndTheConfiguredValuesOtherwise()
    {
        var defaults = JobsServiceCollectionExtensions.ReadOptions(Configuration());
        var configured = JobsServiceCollectionExtensions.ReadOptions(Configuration(
            ("BehaviorGraph:Jobs:Workers", "7"), ("BehaviorGraph:Jobs:InboxPath", "/srv/inbox"), ("BehaviorGraph:Jobs:PollInterval", "00:00:01"),
            ("BehaviorGraph:Jobs:RunServer", "false")));

        Assert.Equal(new JobsOptions(), defaults);
        Assert.Equal(JobsOptions.DefaultInboxPath, defaults.InboxPath);
        Assert.Equal(new JobsOptions { Workers = 7, InboxPath = "/srv/inbox", PollInterval = TimeSpan.FromSeconds(1), RunServer = false }, configured);
    }

    [Fact]
    public void ReadOptions_NamesEveryBadSetting()
    {
        var error = Assert.Throws<OptionsValidationException>(() => JobsServiceCollectionExtensions.ReadOptions(Configuration(
            ("BehaviorGraph:Jobs:Workers", "65"), ("BehaviorGraph:Jobs:InboxPath", " "), ("BehaviorGraph:Jobs:PollInterval", "-00:00:01"))));

        Assert.Equal(
            [
                "BehaviorGraph:Jobs:InboxPath must not be empty.",
                "BehaviorGraph:Jobs:Workers must be from 1 to 64; got 65.",
                "BehaviorGraph:Jobs:PollInterval must be a positive duration (hh:mm:ss); got -00:00:01.",
            ],
            error.Failures);
    }

    [Fact]
    public void AnalysisSettings_ReplaceDefaultLists_AndLeaveTheSharedDefaultsAlone()
    {
        var options = AnalysisSettings.Read(Configuration(
            ("BehaviorGraph:Analysis:Bots:WindowsMs:0", "60000"), ("BehaviorGraph:Analysis:Bots:WindowsMs:1", "120000"),
            ("BehaviorGraph:Analysis:Rings:MinMembers", "9"), ("BehaviorGraph:Analysis:Identity:Seed", "7")));

        Assert.Equal([60_000L, 120_000L], options.Bots.WindowsMs);
        Assert.Equal(9, options.Rings.MinMembers);
        Assert.Equal(7UL, options.Identity.Seed);
        Assert.Equal(new AnalysisOptions().Bots.WindowsMs, AnalysisOptions.Default.Bots.WindowsMs);
        Assert.Equal(5, AnalysisOptions.Default.Rings.MinMembers);
        Assert.Equal(42UL, AnalysisOptions.Default.Identity.Seed);
    }

    [Fact]
    public async Task AnalyzeJob_RunsWithTheConfiguredAnalysisSettings()
    {
        var events = "ts,type,actor,target\n2024-01-01T00:00:00Z,follow,a1,a2\n2024-01-01T00:01:00Z,follow,a2,a1\n";
        await new EventIngestor(_store.Ingest).IngestContentAsync("e.csv", System.Text.Encoding.UTF8.GetBytes(events), EventFormat.Csv, IngestOptions.Default, CancellationToken.None);
        var configuration = Configuration(
            ("BehaviorGraph:Jobs:SchedulesPath", Path.Combine(_directory.Path, "schedules.json")),
            ("BehaviorGraph:Jobs:RunServer", "false"),
            ("BehaviorGraph:Analysis:Description", "nightly analysis"));
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(_store);
        services.AddBehaviorGraphJobs(configuration, StoreLocation.Parse("sqlite:" + Database));
        await using var provider = services.BuildServiceProvider();

        var summary = await provider.GetRequiredService<AnalyzeJob>().RunAsync([], null, CancellationToken.None);

        Assert.StartsWith("analysis run ", summary, StringComparison.Ordinal);
        await using var connection = new SqliteConnection($"Data Source={Database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT description FROM analysis_runs ORDER BY id DESC LIMIT 1";
        Assert.Equal("nightly analysis", await command.ExecuteScalarAsync());
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
