using BehaviorGraph.Neo4j;
using BehaviorGraph.Core.Graph;
using BehaviorGraph.Neo4j.Store;
using Microsoft.Extensions.Configuration;

namespace BehaviorGraph.Hosting;

/// <summary>
/// Opens the Neo4j graph store named by <c>--graph</c>, else <c>BEHAVIORGRAPH_GRAPH</c>, else the configuration section
/// <c>BehaviorGraph:Neo4j</c> (where user and password belong: <c>BehaviorGraph__Neo4j__Password</c>).
/// </summary>
public static class GraphStoreOpener
{
    public const string GraphEnvironmentVariable = "BEHAVIORGRAPH_GRAPH";

    public static IGraphStore Open(string? flag, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(Neo4jOptions.SectionName).Get<Neo4jOptions>() ?? new Neo4jOptions();
        var address = !string.IsNullOrWhiteSpace(flag) ? flag : Environment.GetEnvironmentVariable(GraphEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(address))
        {
            if (!Neo4jLocation.HasPrefix(address))
            {
                throw new FormatException($"Graph store '{address}' is not a neo4j:http://host:7474 address.");
            }

            options = Neo4jLocation.Parse(address).ApplyTo(options);
        }

        if (options.Uri is null)
        {
            throw new FormatException(
                $"No graph store configured: pass --graph neo4j:http://host:7474, set {GraphEnvironmentVariable}, or set {Neo4jOptions.SectionName}:Uri.");
        }

        options.Validate();
        return Neo4jGraphStore.Create(options);
    }
}
