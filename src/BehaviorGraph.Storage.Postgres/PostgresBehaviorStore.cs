using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Core.Features;
using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Investigation;
using BehaviorGraph.Core.Labels;
using BehaviorGraph.Core.Scoring;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Storage.Postgres.Analysis;
using BehaviorGraph.Storage.Postgres.Labels;
using BehaviorGraph.Storage.Postgres.Scoring;
using BehaviorGraph.Storage.Relational.Reads;
using BehaviorGraph.Storage.Relational.Investigation;
using BehaviorGraph.Storage.Relational.Security;
using Npgsql;

namespace BehaviorGraph.Storage.Postgres;

/// <summary>
/// The production relational backend: the event log, graph, analysis runs, labels, models and scores in one
/// PostgreSQL database, with every analyst read ability (neighbourhoods, cluster edges, shared identifiers, named
/// queries) in read-only transactions.
/// Opening applies pending schema migrations under an advisory lock, so any number of hosts may open
/// the same database at once.
/// </summary>
public sealed class PostgresBehaviorStore : IBehaviorStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly RelationalGraphReads _graphReads;
    private readonly RelationalNamedQueries _namedQueries;
    private readonly InvestigationReader _investigation;

    private PostgresBehaviorStore(NpgsqlDataSource dataSource, string description)
    {
        var dialect = new PostgresDialect(dataSource);
        _dataSource = dataSource;
        Description = description;
        Ingest = new PostgresEventIngestStore(dataSource, TimeProvider.System);
        Graph = new PostgresGraphReader(dataSource);
        Events = new PostgresEventLogReader(dataSource);
        Stats = new PostgresStatsReader(dataSource);
        Features = new PostgresFeatureStore(dialect);
        Clusters = new PostgresClusterStore(dataSource);
        ApiKeys = new ApiKeyStore(dialect);
        Labels = new PostgresLabelStore(dialect);
        Models = new PostgresModelRegistry(dialect);
        Scores = new PostgresScoreStore(dialect);
        _graphReads = new RelationalGraphReads(dialect);
        _namedQueries = new RelationalNamedQueries(dialect);
        _investigation = new InvestigationReader(dialect);
    }

    public string Description { get; }

    public IEventIngestStore Ingest { get; }

    public IGraphReader Graph { get; }

    public IEventLogReader Events { get; }

    public IStatsReader Stats { get; }

    public IFeatureStore Features { get; }

    public IClusterStore Clusters { get; }

    public ILabelStore Labels { get; }

    public IModelRegistry Models { get; }

    public IScoreStore Scores { get; }

    public Core.Security.IApiKeyStore ApiKeys { get; }

    public TAbility? GetAbility<TAbility>()
        where TAbility : class =>
        _graphReads as TAbility ?? _namedQueries as TAbility ?? _investigation as TAbility ?? Ingest as TAbility;

    /// <summary>Connects to the database named by <paramref name="connectionString"/> and migrates it.</summary>
    public static async Task<IBehaviorStore> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"PostgreSQL connection string is invalid: {ex.Message}", nameof(connectionString), ex);
        }

        var description = Describe(parsed);
        var dataSource = NpgsqlDataSource.Create(parsed);
        try
        {
            await new PostgresMigrator(dataSource).MigrateAsync(cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            await dataSource.DisposeAsync();
            throw new InvalidOperationException($"Cannot open PostgreSQL store {description}: {ex.Message}", ex);
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }

        return new PostgresBehaviorStore(dataSource, description);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public override string ToString() => Description;

    internal static string Describe(NpgsqlConnectionStringBuilder connectionString)
    {
        var shown = new NpgsqlConnectionStringBuilder(connectionString.ConnectionString) { Password = null };
        return $"postgres:{shown.ConnectionString}";
    }
}
