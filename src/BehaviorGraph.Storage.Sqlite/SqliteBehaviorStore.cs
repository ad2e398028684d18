using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Core.Features;
using BehaviorGraph.Core.Labels;
using BehaviorGraph.Core.Reads;
using BehaviorGraph.Core.Scoring;
using BehaviorGraph.Core.Security;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Storage.Relational.Reads;
using BehaviorGraph.Storage.Relational.Investigation;
using BehaviorGraph.Storage.Relational.Security;
using BehaviorGraph.Storage.Sqlite.Analysis;
using BehaviorGraph.Storage.Sqlite.Graph;
using BehaviorGraph.Storage.Sqlite.Ingest;
using BehaviorGraph.Storage.Sqlite.Labels;
using BehaviorGraph.Storage.Sqlite.Scoring;
using BehaviorGraph.Storage.Sqlite.Stats;

namespace BehaviorGraph.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file, created with its schema on first use, needing no server. Offers every
/// analyst read ability (<see cref="IAccountGraphReads"/>, <see cref="IClusterGraphReads"/>,
/// <see cref="ISharedIdentifierReads"/>, <see cref="INamedQueries"/>) through read-only connections.
/// </summary>
public sealed class SqliteBehaviorStore : IBehaviorStore
{
    private readonly SqliteEventIngestStore _ingest;
    private readonly RelationalGraphReads _graphReads;
    private readonly RelationalNamedQueries _namedQueries;
    private readonly InvestigationReader _investigation;

    private SqliteBehaviorStore(SqliteConnectionFactory connections)
    {
        var dialect = new SqliteDialect(connections);
        Description = $"sqlite:{connections.Path}";
        _ingest = new SqliteEventIngestStore(connections);
        Graph = new SqliteGraphReader(connections);
        Events = new SqliteEventLogReader(connections);
        Stats = new SqliteStatsReader(connections);
        Features = new SqliteFeatureStore(dialect);
        Clusters = new SqliteClusterStore(connections);
        Labels = new SqliteLabelStore(dialect);
        Models = new SqliteModelRegistry(dialect);
        Scores = new SqliteScoreStore(dialect);
        ApiKeys = new ApiKeyStore(dialect);
        _graphReads = new RelationalGraphReads(dialect);
        _namedQueries = new RelationalNamedQueries(dialect);
        _investigation = new InvestigationReader(dialect);
    }

    public string Description { get; }

    public IEventIngestStore Ingest => _ingest;

    public IGraphReader Graph { get; }

    public IEventLogReader Events { get; }

    public IStatsReader Stats { get; }

    public IFeatureStore Features { get; }

    public IClusterStore Clusters { get; }

    public ILabelStore Labels { get; }

    public IModelRegistry Models { get; }

    public IScoreStore Scores { get; }

    public IApiKeyStore ApiKeys { get; }

    public TAbility? GetAbility<TAbility>()
        where TAbility : class =>
        _graphReads as TAbility ?? _namedQueries as TAbility ?? _investigation as TAbility ?? _ingest as TAbility;

    /// <summary>Opens (creating if needed) the database file at <paramref name="path"/> and applies pending migrations.</summary>
    public static async Task<IBehaviorStore> OpenAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connections = new SqliteConnectionFactory(path);
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            await SqliteMigrator.MigrateAsync(connection, cancellationToken);
        }

        return new SqliteBehaviorStore(connections);
    }

    public override string ToString() => Description;

    public ValueTask DisposeAsync() => _ingest.DisposeAsync();
}
