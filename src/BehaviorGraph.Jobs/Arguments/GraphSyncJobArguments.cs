namespace BehaviorGraph.Jobs.Arguments;

/// <summary>The <c>graph-sync</c> job's arguments: none; the graph store comes from <c>BehaviorGraph:Neo4j</c>.</summary>
public sealed record GraphSyncJobArguments
{
    public static GraphSyncJobArguments From(IReadOnlyDictionary<string, string> arguments)
    {
        JobCatalog.Validate(JobNames.GraphSync, arguments);
        return new GraphSyncJobArguments();
    }
}
