using System.Runtime.CompilerServices;
using BehaviorGraph.Core.Events;
using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Analytics.Tests.Pipeline;

/// <summary>
/// A hand-built platform: events added one by one are turned into nodes, aggregated edges (plus uses_device /
/// uses_ip) and event rows the way ingest stores them, and served through <see cref="IGraphReader"/> and <see cref="IEventLogReader"/>.
/// </summary>
internal sealed class TestPlatform : IGraphReader, IEventLogReader
{
    public const long Day = 86_400_000;
    private readonly Dictionary<(NodeKind, string), GraphNode> _nodes = [];
    private readonly Dictionary<(long, long, string), GraphEdge> _edges = [];
    private readonly List<EventRow> _events = [];
    private readonly List<(long Ts, string Type, string Actor, string? Target, double? Value, string? Device, string? Ip)> _added = [];

    public int EventCount => _events.Count;

    public long Add(long timestampMs, string type, string actor, string? target = null, double? value = null, string? device = null, string? ip = null)
    {
        _added.Add((timestampMs, type, actor, target, value, device, ip));
        var actorId = Node(NodeKind.Account, actor, timestampMs);
        long targetId = 0;
        if (target is not null)
        {
            var kind = EventTypes.DefaultTargetKind(type) == TargetKind.Content ? NodeKind.Content : NodeKind.Account;
            targetId = Node(kind, target, timestampMs);
            Edge(actorId, targetId, type, timestampMs, value ?? 0);
        }

        long deviceId = 0, ipId = 0;
        if (device is not null)
        {
            deviceId = Node(NodeKind.Device, device, timestampMs);
            Edge(actorId, deviceId, EdgeTypes.UsesDevice, timestampMs, 0);
        }

        if (ip is not null)
        {
            ipId = Node(NodeKind.Ip, ip, timestampMs);
            Edge(actorId, ipId, EdgeTypes.UsesIp, timestampMs, 0);
        }

        _events.Add(new EventRow(timestampMs, type, actorId, targetId, value, deviceId, ipId));
        return actorId;
    }

    /// <summary>The platform as it was after its first <paramref name="events"/> events: what an earlier run saw.</summary>
    public TestPlatform Prefix(int events)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(events, _added.Count);
        var prefix = new TestPlatform();
        foreach (var (ts, type, actor, target, value, device, ip) in _added.Take(events))
        {
            prefix.Add(ts, type, actor, target, value, device, ip);
        }

        return prefix;
    }

    public async IAsyncEnumerable<GraphNode> ReadNodesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var node in _nodes.Values.OrderBy(n => n.Id))
        {
            await Task.Yield();
            yield return node;
        }
    }

    public async IAsyncEnumerable<GraphEdge> ReadEdgesAsync(IReadOnlyCollection<string>? types, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var edge in _edges.Values.Where(e => types is null || types.Count == 0 || types.Contains(e.Type)))
        {
            await Task.Yield();
            yield return edge;
        }
    }

    public Task<long> LatestSequenceAsync(CancellationToken cancellationToken) => Task.FromResult((long)_events.Count);

    /// <summary>Events numbered from 1 in the order they were added.</summary>
    public async IAsyncEnumerable<EventRow> ReadEventsAsync(EventSpan span, IReadOnlyCollection<string>? types, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var row in _events.Where((e, i) => i + 1 > span.AfterSequence && i + 1 <= span.ThroughSequence && (types is null || types.Count == 0 || types.Contains(e.Type))))
        {
            await Task.Yield();
            yield return row;
        }
    }

    private long Node(NodeKind kind, string key, long ts)
    {
        if (_nodes.TryGetValue((kind, key), out var node))
        {
            _nodes[(kind, key)] = node with { FirstSeenMs = Math.Min(node.FirstSeenMs, ts), LastSeenMs = Math.Max(node.LastSeenMs, ts) };
            return node.Id;
        }

        var id = _nodes.Count + 1;
        _nodes.Add((kind, key), new GraphNode(id, kind, key, ts, ts));
        return id;
    }

    private void Edge(long source, long target, string type, long ts, double value)
    {
        var key = (source, target, type);
        _edges[key] = _edges.TryGetValue(key, out var e)
            ? e with { Count = e.Count + 1, FirstMs = Math.Min(e.FirstMs, ts), LastMs = Math.Max(e.LastMs, ts), ValueSum = e.ValueSum + value }
            : new GraphEdge(source, target, type, 1, ts, ts, value);
    }
}
