using System.Runtime.CompilerServices;
using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Neo4j.Client;
using BehaviorGraph.Neo4j.Cypher;

namespace BehaviorGraph.Neo4j.Store;

/// <summary>
/// The graph store in Neo4j: schema, batched sync from the relational graph, keyset-paged export for the
/// projection (<see cref="IGraphReader"/>, scalars only) and write-back of scoring results. Every statement is
/// a file of <c>cypher/</c>; every node carries the label <c>Node</c> and the relational id as <c>id</c>.
/// The event log stays relational: <see cref="ReadEventsAsync"/> is not supported.
/// </summary>
public sealed class Neo4jGraphStore : IGraphReader, IAsyncDisposable
{
    private readonly ICypherRunner _runner;
    private readonly int _batchSize;
    private readonly HttpClient? _ownedHttpClient;
    private IReadOnlyList<string> _bookmarks = [];

    private Neo4jGraphStore(ICypherRunner runner, Neo4jOptions options, HttpClient? ownedHttpClient)
    {
        _runner = runner;
        _batchSize = options.BatchSize;
        _ownedHttpClient = ownedHttpClient;
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

    /// <summary>Answers when Neo4j accepts queries; throws otherwise.</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync(CypherLibrary.Get("admin/ping"), new Dictionary<string, object?>(), CypherAccessMode.Read, cancellationToken);
        if (result.Rows.Count != 1 || result.Rows[0].GetInt64("ok") != 1)
        {
            throw new Neo4jException("Neo.InvalidResponse", "RETURN 1 did not answer 1.");
        }
    }

    /// <summary>Creates the uniqueness constraints (keys per label, id on Node) if they do not exist.</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        foreach (var statement in GraphModel.SchemaStatements)
        {
            await RunAsync(statement, new Dictionary<string, object?>(), CypherAccessMode.Write, cancellationToken);
        }
    }

    /// <summary>
    /// Copies the relational graph into Neo4j: all nodes first, then relationships grouped by type, in batches
    /// of <see cref="Neo4jOptions.BatchSize"/>. Values are set, not added, so running it again is idempotent.
    /// Nodes and relationships no longer in the source are not removed.
    /// </summary>
    public async Task<Neo4jSyncResult> SyncAsync(
        IGraphReader source,
        IProgress<Neo4jSyncProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var state = new SyncState(progress);

        var nodeBatches = new Dictionary<NodeKind, List<Dictionary<string, object?>>>();
        await foreach (var node in source.ReadNodesAsync(cancellationToken))
        {
            var statement = GraphModel.MergeNodesStatement(node.Kind);
            if (!nodeBatches.TryGetValue(node.Kind, out var batch))
            {
                nodeBatches[node.Kind] = batch = new List<Dictionary<string, object?>>(_batchSize);
            }

            batch.Add(new Dictionary<string, object?>(4, StringComparer.Ordinal)
            {
                ["id"] = node.Id,
                ["key"] = node.Key,
                ["first_seen"] = node.FirstSeenMs,
                ["last_seen"] = node.LastSeenMs,
            });
            if (batch.Count >= _batchSize)
            {
                nodeBatches[node.Kind] = new List<Dictionary<string, object?>>(_batchSize);
                await FlushNodesAsync(statement, batch, state, cancellationToken);
            }
        }

        foreach (var (kind, batch) in nodeBatches.OrderBy(b => b.Key))
        {
            await FlushNodesAsync(GraphModel.MergeNodesStatement(kind), batch, state, cancellationToken);
        }

        var edgeBatches = new Dictionary<string, List<Dictionary<string, object?>>>(StringComparer.Ordinal);
        await foreach (var edge in source.ReadEdgesAsync(null, cancellationToken))
        {
            if (!edgeBatches.TryGetValue(edge.Type, out var batch))
            {
                edgeBatches[edge.Type] = batch = new List<Dictionary<string, object?>>(_batchSize);
            }

            batch.Add(new Dictionary<string, object?>(7, StringComparer.Ordinal)
            {
                ["source"] = edge.Source,
                ["target"] = edge.Target,
                ["type"] = edge.Type,
                ["count"] = edge.Count,
                ["first_seen"] = edge.FirstMs,
                ["last_seen"] = edge.LastMs,
                ["value_sum"] = edge.ValueSum,
            });
            if (batch.Count >= _batchSize)
            {
                edgeBatches[edge.Type] = new List<Dictionary<string, object?>>(_batchSize);
                await FlushEdgesAsync(edge.Type, batch, state, cancellationToken);
            }
        }

        foreach (var (type, batch) in edgeBatches.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            await FlushEdgesAsync(type, batch, state, cancellationToken);
        }

        return new Neo4jSyncResult(state.Nodes, state.Relationships, state.Skipped, state.Statements, state.ByType);
    }

    public async IAsyncEnumerable<GraphNode> ReadNodesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var statement = CypherLibrary.Get("export/read_nodes");
        var after = long.MinValue;
        while (true)
        {
            var page = await RunAsync(
                statement,
                new Dictionary<string, object?> { ["after"] = after, ["limit"] = _batchSize },
                CypherAccessMode.Read,
                cancellationToken);
            foreach (var row in page.Rows)
            {
                var id = row.GetInt64("id");
                var kind = row.GetInt64OrNull("kind")
                    ?? throw new InvalidDataException(
                        $"Neo4j node with id {id} has none of the labels Account, Content, Device, IP.");
                yield return new GraphNode(id, (NodeKind)kind, row.GetString("key"), row.GetInt64("first_seen"), row.GetInt64("last_seen"));
                after = id;
            }

            if (page.Rows.Count < _batchSize)
            {
                yield break;
            }
        }
    }

    public async IAsyncEnumerable<GraphEdge> ReadEdgesAsync(
        IReadOnlyCollection<string>? types,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var statement = CypherLibrary.Get("export/read_edges");
        var typeFilter = types is { Count: > 0 } ? types.ToList() : null;
        (long Source, long Target, string Type) after = (long.MinValue, long.MinValue, string.Empty);
        while (true)
        {
            var page = await RunAsync(
                statement,
                new Dictionary<string, object?>
                {
                    ["after_source"] = after.Source,
                    ["after_target"] = after.Target,
                    ["after_type"] = after.Type,
                    ["types"] = typeFilter,
                    ["limit"] = _batchSize,
                },
                CypherAccessMode.Read,
                cancellationToken);
            foreach (var row in page.Rows)
            {
                var edge = new GraphEdge(
                    row.GetInt64("source"),
                    row.GetInt64("target"),
                    row.GetString("type"),
                    row.GetInt64OrNull("count") ?? 0,
                    row.GetInt64OrNull("first_seen") ?? 0,
                    row.GetInt64OrNull("last_seen") ?? 0,
                    row.GetDoubleOrNull("value_sum") ?? 0);
                yield return edge;
                after = (edge.Source, edge.Target, edge.Type);
            }

            if (page.Rows.Count < _batchSize)
            {
                yield break;
            }
        }
    }

    /// <summary>Not supported: Neo4j holds the aggregated graph only; the event log stays in the relational store.</summary>
    public IAsyncEnumerable<EventRow> ReadEventsAsync(IReadOnlyCollection<string>? types, CancellationToken cancellationToken) =>
        throw new NotSupportedException(
            "The Neo4j graph store holds nodes and aggregated relationships only; the event log stays in the " +
            "relational store (sqlite:/postgres:). Read events from there.");

    /// <summary>
    /// Sets score, decision, model version and cluster ids on Account nodes, in batches. Returns how many
    /// accounts were found and updated; accounts not yet synced to Neo4j are skipped.
    /// </summary>
    public async Task<long> WriteBackAsync(IReadOnlyList<AccountAnnotation> annotations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        var statement = CypherLibrary.Get("writeback/annotate_accounts");
        long updated = 0;
        foreach (var chunk in annotations.Chunk(_batchSize))
        {
            var rows = chunk.Select(a => (object?)new Dictionary<string, object?>(5, StringComparer.Ordinal)
            {
                ["key"] = a.AccountKey,
                ["score"] = a.Score,
                ["decision"] = a.Decision,
                ["model_version"] = a.ModelVersion,
                ["cluster_ids"] = a.ClusterIds ?? [],
            }).ToList();
            var result = await RunAsync(statement, new Dictionary<string, object?> { ["rows"] = rows }, CypherAccessMode.Write, cancellationToken);
            updated += result.Rows.Count > 0 ? result.Rows[0].GetInt64("updated") : 0;
        }

        return updated;
    }

    /// <summary>Runs one query of the analyst library (read access); parameters must be exactly those its header declares.</summary>
    public Task<CypherResult> RunAnalystQueryAsync(
        string name,
        IReadOnlyDictionary<string, object?> parameters,
        CancellationToken cancellationToken) =>
        RunAsync(Neo4jAnalystQueries.Statement(name), parameters, CypherAccessMode.Read, cancellationToken);

    /// <summary>Deletes everything the adapter wrote. For tests.</summary>
    internal Task ClearAsync(CancellationToken cancellationToken) =>
        RunAsync(CypherLibrary.Get("admin/clear_graph"), new Dictionary<string, object?>(), CypherAccessMode.Write, cancellationToken);

    public ValueTask DisposeAsync()
    {
        _ownedHttpClient?.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<CypherResult> RunAsync(
        CypherStatement statement,
        IReadOnlyDictionary<string, object?> parameters,
        CypherAccessMode mode,
        CancellationToken cancellationToken)
    {
        statement.CheckParameters(parameters);
        var result = await _runner.RunAsync(
            new CypherQuery(statement.Text, parameters, mode, Volatile.Read(ref _bookmarks)),
            cancellationToken);
        if (mode == CypherAccessMode.Write && result.Bookmarks.Count > 0)
        {
            Volatile.Write(ref _bookmarks, result.Bookmarks);
        }

        return result;
    }

    private async Task FlushNodesAsync(
        CypherStatement statement,
        List<Dictionary<string, object?>> batch,
        SyncState state,
        CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        await RunAsync(statement, new Dictionary<string, object?> { ["rows"] = batch }, CypherAccessMode.Write, cancellationToken);
        state.Nodes += batch.Count;
        state.Statements++;
        state.Report("nodes");
    }

    private async Task FlushEdgesAsync(
        string edgeType,
        List<Dictionary<string, object?>> batch,
        SyncState state,
        CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var result = await RunAsync(
            GraphModel.MergeRelationshipsStatement(edgeType),
            new Dictionary<string, object?> { ["rows"] = batch },
            CypherAccessMode.Write,
            cancellationToken);
        var merged = result.Rows.Count > 0 ? result.Rows[0].GetInt64("merged") : 0;
        state.Relationships += merged;
        state.Skipped += batch.Count - merged;
        state.ByType[edgeType] = state.ByType.GetValueOrDefault(edgeType) + merged;
        state.Statements++;
        state.Report("relationships");
    }

    private sealed class SyncState(IProgress<Neo4jSyncProgress>? progress)
    {
        public long Nodes { get; set; }

        public long Relationships { get; set; }

        public long Skipped { get; set; }

        public int Statements { get; set; }

        public Dictionary<string, long> ByType { get; } = new(StringComparer.Ordinal);

        public void Report(string phase) => progress?.Report(new Neo4jSyncProgress(phase, Nodes, Relationships));
    }
}
