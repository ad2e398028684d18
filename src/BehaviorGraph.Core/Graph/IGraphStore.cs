using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Core.Graph;

/// <summary>
/// A graph store that mirrors the relational graph for analysts (Neo4j): it syncs nodes and aggregated edges from a
/// <see cref="IGraphReader"/> and takes scoring results back onto account nodes. Analyst reads it can answer are
/// abilities (<see cref="IHasAbilities"/>).
/// </summary>
public interface IGraphStore : IHasAbilities, IAsyncDisposable
{
    /// <summary>Where the store lives, without secrets.</summary>
    string Description { get; }

    /// <summary>Answers when the store accepts queries; throws otherwise.</summary>
    Task PingAsync(CancellationToken cancellationToken);

    /// <summary>Creates the store's schema (constraints, indexes) if it does not exist.</summary>
    Task EnsureSchemaAsync(CancellationToken cancellationToken);

    /// <summary>Copies every node and edge of <paramref name="source"/>; idempotent.</summary>
    Task<GraphSyncResult> SyncAsync(IGraphReader source, IProgress<GraphSyncProgress>? progress, CancellationToken cancellationToken);

    /// <summary>Sets score, decision, model version and cluster ids on account nodes; returns how many were found and updated.</summary>
    Task<long> WriteBackAsync(IReadOnlyList<AccountAnnotation> annotations, CancellationToken cancellationToken);
}
