using BehaviorGraph.Core.Events;
using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Storage.Postgres;

/// <summary>
/// The node ids this process has seen committed, by kind and key, so a batch's events are staged with node ids and
/// the database never joins a batch against the nodes table. Nodes are never deleted and ids never change, so an id
/// once committed stays right; ids learned inside a transaction join only after it commits.
/// </summary>
internal sealed class PostgresNodeDirectory
{
    private readonly Dictionary<NodeRef, long> _ids = [];
    private readonly Lock _gate = new();

    /// <summary>
    /// The node ids of a batch's events, as columns, with placeholders for the nodes the directory does not know yet
    /// (see <see cref="BatchNodeIds"/>).
    /// </summary>
    public BatchNodeIds LookUp(IReadOnlyList<InteractionEvent> events, bool[] firstOccurrence)
    {
        var ids = new BatchNodeIds(events.Count);
        using (_gate.EnterScope())
        {
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i] ?? throw new ArgumentException($"Event {i} of the batch is null.", nameof(events));
                ids.Actor[i] = Resolve(ids, new NodeRef(NodeKind.Account, e.Actor), e.TimestampMs, firstOccurrence[i]);
                if (e.Target is { } target)
                {
                    ids.Target[i] = Resolve(ids, new NodeRef(e.TargetKind == TargetKind.Content ? NodeKind.Content : NodeKind.Account, target), e.TimestampMs, firstOccurrence[i]);
                }

                if (e.Device is { } device)
                {
                    ids.Device[i] = Resolve(ids, new NodeRef(NodeKind.Device, device), e.TimestampMs, firstOccurrence[i]);
                }

                if (e.Ip is { } ip)
                {
                    ids.Ip[i] = Resolve(ids, new NodeRef(NodeKind.Ip, ip), e.TimestampMs, firstOccurrence[i]);
                }
            }
        }

        return ids;
    }

    /// <summary>Learns ids a committed transaction read or created.</summary>
    public void Learn(IEnumerable<KeyValuePair<NodeRef, long>> committed)
    {
        using (_gate.EnterScope())
        {
            foreach (var (node, id) in committed)
            {
                _ids[node] = id;
            }
        }
    }

    private long Resolve(BatchNodeIds ids, NodeRef node, long ts, bool firstOccurrence) =>
        _ids.TryGetValue(node, out var id) ? id : ids.Placeholder(node, ts, firstOccurrence);

    internal readonly record struct NodeRef(NodeKind Kind, string Key);

}
