namespace BehaviorGraph.Core.Reads;

/// <summary>An optional store ability: point reads of the graph around one account.</summary>
public interface IAccountGraphReads
{
    /// <summary>Whether the graph holds an account with this key.</summary>
    Task<bool> AccountExistsAsync(string account, CancellationToken cancellationToken);

    /// <summary>
    /// The nodes and edges within <paramref name="depth"/> hops of the account (edges in either direction, the heaviest
    /// first at each hop), at most <paramref name="limit"/> edges; null when the graph holds no such account.
    /// </summary>
    Task<GraphNeighbourhood?> GetNeighbourhoodAsync(string account, int depth, int limit, CancellationToken cancellationToken);
}
