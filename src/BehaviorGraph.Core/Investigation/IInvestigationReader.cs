using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Core.Investigation;

/// <summary>
/// An optional store ability for the analyst console, for what the graph endpoints do not give: the devices and IPs a
/// group of accounts uses, the group's activity over time, and the edges around any one node (account, content,
/// device or IP) by edge type. A store that has it offers it as an ability; callers
/// ask for it (<c>store.GetAbility&lt;IInvestigationReader&gt;()</c>) and say so when it is missing.
/// </summary>
public interface IInvestigationReader
{
    /// <summary>
    /// Every <c>uses_device</c> / <c>uses_ip</c> edge from the <paramref name="accounts"/> the graph holds (unknown
    /// accounts are skipped), each with how many accounts of the whole graph use that identifier.
    /// </summary>
    Task<IReadOnlyList<IdentifierUse>> ReadIdentifierUsesAsync(IReadOnlyCollection<string> accounts, CancellationToken cancellationToken);

    /// <summary>
    /// When each of the <paramref name="accounts"/> was first and last seen, and their aggregated outgoing edges other
    /// than identifier uses (each edge: the first and last time the account acted on that target, and how often), at
    /// most <paramref name="maxActions"/> of them.
    /// </summary>
    Task<GroupActivity> ReadActivityAsync(IReadOnlyCollection<string> accounts, int maxActions, CancellationToken cancellationToken);

    /// <summary>
    /// The edges from and to one node, heaviest (highest count) first, at most <paramref name="perType"/> of each edge
    /// type and direction, optionally only of the given <paramref name="types"/>; with the number of edges of each
    /// type and direction, so a caller can say how many it left out. Null when the graph has no such node.
    /// </summary>
    Task<NodeEdges?> ReadNodeEdgesAsync(NodeKind kind, string key, IReadOnlyCollection<string>? types, int perType, CancellationToken cancellationToken);
}
