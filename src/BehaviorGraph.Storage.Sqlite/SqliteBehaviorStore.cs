using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Core.Features;
using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Investigation;
using BehaviorGraph.Core.Storage;
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
/// The embedded store: one SQLite file, created with its schema on first use, needing no server.
/// </summary>
public sealed class SqliteBehaviorStore : IBehaviorStore, IInvestigationReader
{
    private readonly SqliteEventIngestStore _ingest;
    private readonly InvestigationReader _investigation;

    private SqliteBehaviorStore(SqliteConnectionFactory connections)
    {
        Description = $"sqlite:{connections.Path}";
        _ingest = new SqliteEventIngestStore(connections);
        Graph = new SqliteGraphReader(connections);
        Stats = new SqliteStatsReader(connections);
        Features = new SqliteFeatureStore(connections);
        Clusters = new SqliteClusterStore(connections);
        Labels = new SqliteLabelStore(connections);
        Models = new SqliteModelRegistry(connections);
        Scores = new SqliteScoreStore(connections);
        ApiKeys = new ApiKeyStore(async ct => await connections.OpenAsync(ct));
        _investigation = new InvestigationReader(async ct => await connections.OpenAsync(ct));
    }

    public string Description { get; }

    public IEventIngestStore Ingest => _ingest;

    public IGraphReader Graph { get; }

    public IStatsReader Stats { get; }

    public IFeatureStore Features { get; }

    public IClusterStore Clusters { get; }
    public Core.Labels.ILabelStore Labels { get; }

    public Core.Scoring.IModelRegistry Models { get; }

    public Core.Scoring.IScoreStore Scores { get; }

    public Core.Security.IApiKeyStore ApiKeys { get; }

    public Task<IReadOnlyList<IdentifierUse>> ReadIdentifierUsesAsync(IReadOnlyCollection<string> accounts, CancellationToken cancellationToken) =>
        _investigation.ReadIdentifierUsesAsync(accounts, cancellationToken);

    public Task<GroupActivity> ReadActivityAsync(IReadOnlyCollection<string> accounts, int maxActions, CancellationToken cancellationToken) =>
        _investigation.ReadActivityAsync(accounts, maxActions, cancellationToken);

    public Task<NodeEdges?> ReadNodeEdgesAsync(NodeKind kind, string key, IReadOnlyCollection<string>? types, int perType, CancellationToken cancellationToken) =>
        _investigation.ReadNodeEdgesAsync(kind, key, types, perType, cancellationToken);

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

    public ValueTask DisposeAsync() => _ingest.DisposeAsync();
}
