using BehaviorGraph.Neo4j.Client;
using BehaviorGraph.Neo4j.Cypher;

namespace BehaviorGraph.Neo4j.Store;

/// <summary>
/// What every part of the store shares: the runner, the batch size, and the bookmarks of the last write, passed
/// with every statement so a read sees what this store wrote (causal consistency on a cluster).
/// </summary>
internal sealed class Neo4jSession(ICypherRunner runner, int batchSize)
{
    private IReadOnlyList<string> _bookmarks = [];

    public int BatchSize { get; } = batchSize;

    /// <summary>Runs a library statement; its parameters must be exactly those its header declares.</summary>
    public async Task<CypherResult> RunAsync(
        CypherStatement statement,
        IReadOnlyDictionary<string, object?> parameters,
        CypherAccessMode mode,
        CancellationToken cancellationToken)
    {
        statement.CheckParameters(parameters);
        var result = await runner.RunAsync(
            new CypherQuery(statement.Text, parameters, mode, Volatile.Read(ref _bookmarks)),
            cancellationToken);
        if (mode == CypherAccessMode.Write && result.Bookmarks.Count > 0)
        {
            Volatile.Write(ref _bookmarks, result.Bookmarks);
        }

        return result;
    }
}
