namespace BehaviorGraph.Core.Reads;

/// <summary>An optional store ability: the graph inside a group of accounts (a cluster's internal edges).</summary>
public interface IClusterGraphReads
{
    /// <summary>Edges whose both ends are among <paramref name="accounts"/>, ordered by source, target and type, at most <paramref name="limit"/>.</summary>
    Task<EdgesAmong> GetEdgesAmongAsync(IReadOnlyCollection<string> accounts, int limit, CancellationToken cancellationToken);
}
