namespace BehaviorGraph.Core.Graph;

/// <summary>
/// Edge types beyond the event types: an event of type <c>follow</c> aggregates into a <c>follow</c> edge,
/// and the identifiers an account acted from become these account → device / account → ip edges.
/// </summary>
public static class EdgeTypes
{
    public const string UsesDevice = "uses_device";
    public const string UsesIp = "uses_ip";
}
