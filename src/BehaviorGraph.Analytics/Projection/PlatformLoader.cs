using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Analytics.Projection;

/// <summary>Reads nodes, edges and the event log once each, straight into <see cref="PlatformData"/> arrays.</summary>
internal static class PlatformLoader
{
    public static async Task<PlatformData> LoadAsync(IGraphReader reader, IEventLogReader eventLog, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var ids = new GrowableArray<long>(1 << 16);
        var kinds = new GrowableArray<NodeKind>(1 << 16);
        var kindIndex = new GrowableArray<int>(1 << 16);
        var accountKeys = new List<string>();
        var accountFirst = new GrowableArray<long>(1 << 16);
        int content = 0, devices = 0, ips = 0, others = 0;
        long nodesRead = 0;
        await foreach (var node in reader.ReadNodesAsync(cancellationToken).WithCancellation(cancellationToken))
        {
            nodesRead++;
            ids.Add(node.Id);
            kinds.Add(node.Kind);
            switch (node.Kind)
            {
                case NodeKind.Account:
                    kindIndex.Add(accountKeys.Count);
                    accountKeys.Add(node.Key);
                    accountFirst.Add(node.FirstSeenMs);
                    break;
                case NodeKind.Content:
                    kindIndex.Add(content++);
                    break;
                case NodeKind.Device:
                    kindIndex.Add(devices++);
                    break;
                case NodeKind.Ip:
                    kindIndex.Add(ips++);
                    break;
                default:
                    kindIndex.Add(others++);
                    break;
            }
        }

        var directory = new NodeDirectory(ids.ToTrimmedArray(), kinds.ToTrimmedArray(), kindIndex.ToTrimmedArray());
        progress?.Report(0.1);

        var accountEdges = new EdgeColumnsBuilder();
        var contentEdges = new EdgeColumnsBuilder();
        var deviceEdges = new EdgeColumnsBuilder();
        var ipEdges = new EdgeColumnsBuilder();
        long edgesRead = 0;
        await foreach (var edge in reader.ReadEdgesAsync(null, cancellationToken).WithCancellation(cancellationToken))
        {
            edgesRead++;
            if (!directory.TryGet(edge.Source, out var sourceKind, out var source) || sourceKind != NodeKind.Account
                || !directory.TryGet(edge.Target, out var targetKind, out var target))
            {
                continue;
            }

            var builder = edge.Type switch
            {
                EdgeTypes.UsesDevice when targetKind == NodeKind.Device => deviceEdges,
                EdgeTypes.UsesIp when targetKind == NodeKind.Ip => ipEdges,
                _ when targetKind == NodeKind.Account => accountEdges,
                _ when targetKind == NodeKind.Content => contentEdges,
                _ => null,
            };
            builder?.Add(source, target, EventTypeCodes.Of(edge.Type), edge.Count, edge.ValueSum, edge.FirstMs, edge.LastMs);
        }

        progress?.Report(0.4);

        var actor = new GrowableArray<int>(1 << 20);
        var targets = new GrowableArray<int>(1 << 20);
        var types = new GrowableArray<byte>(1 << 20);
        var times = new GrowableArray<long>(1 << 20);
        var values = new GrowableArray<float>(1 << 20);
        long reference = long.MinValue;
        await foreach (var row in eventLog.ReadEventsAsync(null, cancellationToken).WithCancellation(cancellationToken))
        {
            if (!directory.TryGet(row.Actor, out var actorKind, out var account) || actorKind != NodeKind.Account)
            {
                continue;
            }

            var target = -1;
            if (row.Target != 0 && directory.TryGet(row.Target, out var targetKind, out var index))
            {
                target = targetKind switch
                {
                    NodeKind.Account => content + index,
                    NodeKind.Content => index,
                    _ => -1,
                };
            }

            actor.Add(account);
            targets.Add(target);
            types.Add(EventTypeCodes.Of(row.Type));
            times.Add(row.TimestampMs);
            values.Add(row.Value is { } v ? (float)v : float.NaN);
            reference = Math.Max(reference, row.TimestampMs);
        }

        progress?.Report(1.0);
        var events = new EventColumns(actor.ToTrimmedArray(), targets.ToTrimmedArray(), types.ToTrimmedArray(), times.ToTrimmedArray(), values.ToTrimmedArray());
        var firstSeen = accountFirst.ToTrimmedArray();
        if (reference == long.MinValue)
        {
            reference = firstSeen.Length == 0 ? 0 : firstSeen.Max();
        }

        return new PlatformData
        {
            AccountKeys = [.. accountKeys],
            AccountFirstSeenMs = firstSeen,
            ContentCount = content,
            DeviceCount = devices,
            IpCount = ips,
            AccountEdges = accountEdges.Build(),
            ContentEdges = contentEdges.Build(),
            DeviceEdges = deviceEdges.Build(),
            IpEdges = ipEdges.Build(),
            Events = events,
            ReferenceTimeMs = reference,
            NodesRead = nodesRead,
            EdgesRead = edgesRead,
        };
    }
}
