using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Reads;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Neo4j.Client;

namespace BehaviorGraph.Neo4j.Store;

/// <summary>
/// The graph store in Neo4j, one part per concern over one <see cref="Neo4jSession"/>: schema
/// (<see cref="Neo4jSchema"/>), sync from the relational graph (<see cref="Neo4jSync"/>), keyset-paged export for the
/// projection (<see cref="Neo4jExport"/>), write-back of scoring results (<see cref="Neo4jWriteBack"/>) and analyst
/// reads (<see cref="Neo4jAnalystReads"/>: the abilities <see cref="IAccountGraphReads"/>,
/// <see cref="IClusterGraphReads"/> and <see cref="ISharedIdentifierReads"/>, and the library of
/// <c>cypher/analyst/</c>). Every statement is a file of <c>cypher/</c>; every node carries the label <c>Node</c> and
/// the relational id as <c>id</c>. The event log stays relational, so this store is no <see cref="IEventLogReader"/>.
/// </summary>
public sealed class Neo4jGraphStore : IGraphStore, IGraphReader
{
    private readonly HttpClient? _ownedHttpClient;
    private readonly Neo4jSchema _schema;
    private readonly Neo4jSync _sync;
    private readonly Neo4jExport _export;
    private readonly Neo4jWriteBack _writeBack;
    private readonly Neo4jAnalystReads _reads;

    private Neo4jGraphStore(ICypherRunner runner, Neo4jOptions options, HttpClient? ownedHttpClient)
    {
        var session = new Neo4jSession(runner, options.BatchSize);
        _ownedHttpClient = ownedHttpClient;
        _schema = new Neo4jSchema(session);
        _sync = new Neo4jSync(session);
        _export = new Neo4jExport(session);
        _writeBack = new Neo4jWriteBack(session);
        _reads = new Neo4jAnalystReads(session);
        Description = options.ToString();
    }

    /// <summary>Where the store lives, without secrets.</summary>
    public string Description { get; }

    /// <summary>
    /// A store over the HTTP Query API. Without <paramref name="httpClient"/> the store makes (and disposes)
    /// its own; a given client is used as is and not disposed.
    /// </summary>
    public static Neo4jGraphStore Create(Neo4jOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var owned = httpClient is null
            ? new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            {
                Timeout = Timeout.InfiniteTimeSpan,
            }
            : null;
        return new Neo4jGraphStore(new Neo4jQueryClient(httpClient ?? owned!, options), options, owned);
    }

    /// <summary>A store over another transport (a Bolt driver, say); only <see cref="Neo4jOptions.BatchSize"/> is used.</summary>
    public static Neo4jGraphStore Create(ICypherRunner runner, Neo4jOptions options)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(options);
        if (options.BatchSize < 1)
        {
            throw new ArgumentException($"{Neo4jOptions.SectionName}:BatchSize is {options.BatchSize}; it must be positive.");
        }

        return new Neo4jGraphStore(runner, options, null);
    }

    public Task PingAsync(CancellationToken cancellationToken) => _schema.PingAsync(cancellationToken);

    public Task EnsureSchemaAsync(CancellationToken cancellationToken) => _schema.EnsureAsync(cancellationToken);

    public Task<GraphSyncResult> SyncAsync(IGraphReader source, IProgress<GraphSyncProgress>? progress, CancellationToken cancellationToken) =>
        _sync.RunAsync(source, progress, cancellationToken);

    public IAsyncEnumerable<GraphNode> ReadNodesAsync(CancellationToken cancellationToken) => _export.ReadNodesAsync(cancellationToken);

    public IAsyncEnumerable<GraphEdge> ReadEdgesAsync(IReadOnlyCollection<string>? types, CancellationToken cancellationToken) =>
        _export.ReadEdgesAsync(types, cancellationToken);

    public Task<long> WriteBackAsync(IReadOnlyList<AccountAnnotation> annotations, CancellationToken cancellationToken) =>
        _writeBack.WriteAsync(annotations, cancellationToken);

    /// <summary>Runs one query of the analyst library (read access); parameters must be exactly those its header declares.</summary>
    public Task<CypherResult> RunAnalystQueryAsync(string name, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken) =>
        _reads.RunLibraryQueryAsync(name, parameters, cancellationToken);

    public TAbility? GetAbility<TAbility>()
        where TAbility : class => _reads as TAbility;

    public override string ToString() => Description;

    public ValueTask DisposeAsync()
    {
        _ownedHttpClient?.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Deletes everything the adapter wrote. For tests.</summary>
    internal Task ClearAsync(CancellationToken cancellationToken) => _schema.ClearAsync(cancellationToken);
}
