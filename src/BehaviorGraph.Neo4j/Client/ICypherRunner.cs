namespace BehaviorGraph.Neo4j.Client;

/// <summary>
/// The one transport seam: run a statement with parameters, get its rows back. The HTTP Query API client
/// implements it; a Bolt driver would implement it in one class and nothing above it changes.
/// </summary>
public interface ICypherRunner
{
    /// <summary>Runs the statement; throws <see cref="Neo4jException"/> with Neo4j's code when Neo4j refuses it.</summary>
    Task<CypherResult> RunAsync(CypherQuery query, CancellationToken cancellationToken);
}
