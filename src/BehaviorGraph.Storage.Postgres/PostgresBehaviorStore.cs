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
using BehaviorGraph.Storage.Relational.Investigation;
using BehaviorGraph.Storage.Relational.Security;
using Npgsql;

namespace BehaviorGraph.Storage.Postgres;

/// <summary>
/// The production relational backend: the event log, graph, analysis runs, labels, models and scores in one
/// PostgreSQL database.
/// Opening applies pending schema migrations under an advisory lock, so any number of hosts may open
/// the same database at once.
/// </summary>
public sealed class PostgresBehaviorStore : IBehaviorStore, IInvestigationReader
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly InvestigationReader _investigation;

    private PostgresBehaviorStore(NpgsqlDataSource dataSource, string description)
    {
        _dataSource = dataSource;
        Description = description;
        Ingest = new PostgresEventIngestStore(dataSource, TimeProvider.System);
        Graph = new PostgresGraphReader(dataSource);
        Stats = new PostgresStatsReader(dataSource);
        Features = new PostgresFeatureStore(dataSource);
        Clusters = new PostgresClusterStore(dataSource);
        ApiKeys = new ApiKeyStore(async ct => await dataSource.OpenConnectionAsync(ct));
        _investigation = new InvestigationReader(async ct => await dataSource.OpenConnectionAsync(ct));
        Labels = new PostgresLabelStore(dataSource);
        Models = new PostgresModelRegistry(dataSource);
        Scores = new PostgresScoreStore(dataSource);
    }

    public string Description { get; }

    public IEventIngestStore Ingest { get; }

    public IGraphReader Graph { get; }

    public IStatsReader Stats { get; }

    public IFeatureStore Features { get; }

    public IClusterStore Clusters { get; }

    public ILabelStore Labels { get; }

    public IModelRegistry Models { get; }

    public IScoreStore Scores { get; }

    public Core.Security.IApiKeyStore ApiKeys { get; }

    public Task<IReadOnlyList<IdentifierUse>> ReadIdentifierUsesAsync(IReadOnlyCollection<string> accounts, CancellationToken cancellationToken) =>
        _investigation.ReadIdentifierUsesAsync(accounts, cancellationToken);

    public Task<GroupActivity> ReadActivityAsync(IReadOnlyCollection<string> accounts, int maxActions, CancellationToken cancellationToken) =>
        _investigation.ReadActivityAsync(accounts, maxActions, cancellationToken);

    public Task<NodeEdges?> ReadNodeEdgesAsync(NodeKind kind, string key, IReadOnlyCollection<string>? types, int perType, CancellationToken cancellationToken) =>
        _investigation.ReadNodeEdgesAsync(kind, key, types, perType, cancellationToken);

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
