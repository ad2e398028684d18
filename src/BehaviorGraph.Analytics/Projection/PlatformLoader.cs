using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Analytics.Projection;

/// <summary>
/// Reads the nodes and the event log straight into <see cref="PlatformData"/> arrays, aggregating the events into edges
/// as ingest does (<see cref="EdgeFold"/>). Continuing from a previous load, it reads only the events committed since,
/// appends them to the previous events and folds them into the previous edges: the result equals a full load's, bit
/// for bit.
/// </summary>
internal static class PlatformLoader
{
    public static async Task<PlatformData> LoadAsync(IGraphReader reader, IEventLogReader eventLog, IProgress<double>? progress, CancellationToken cancellationToken) =>
        (await LoadAsync(reader, eventLog, null, progress, cancellationToken)).Data;

    /// <summary>
    /// A full load, or one continuing from <paramref name="previous"/> when the store still holds everything it saw
    /// (its nodes are the first nodes of the store, in the same order, and its events the first events of the log);
    /// otherwise a full load, saying why.
    /// </summary>
    public static async Task<PlatformLoad> LoadAsync(
        IGraphReader reader, IEventLogReader eventLog, PlatformData? previous, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        // The newest sequence first: every node an event up to it refers to is committed before it, so reading the nodes
        // next finds them all.
        var through = await eventLog.LatestSequenceAsync(cancellationToken);
        var nodes = await ReadNodesAsync(reader, cancellationToken);
        progress?.Report(0.1);

        var refusal = previous is null ? null : WhyNotContinue(previous, nodes, through);
        var from = refusal is null ? previous : null;
        var directory = nodes.Directory;
        var content = nodes.ContentCount;
        var accountCount = nodes.AccountKeys.Count;

        var actor = new GrowableArray<int>(from is null ? 1 << 20 : from.Events.Count + (1 << 16));
        var targets = new GrowableArray<int>(from is null ? 1 << 20 : from.Events.Count + (1 << 16));
        var types = new GrowableArray<byte>(from is null ? 1 << 20 : from.Events.Count + (1 << 16));
        var times = new GrowableArray<long>(from is null ? 1 << 20 : from.Events.Count + (1 << 16));
        var values = new GrowableArray<float>(from is null ? 1 << 20 : from.Events.Count + (1 << 16));
        var reference = long.MinValue;
        if (from is not null)
        {
            // Account targets are encoded after the content, which may have grown since.
            var shift = content - from.ContentCount;
            var old = from.Events;
            for (var e = 0; e < old.Count; e++)
            {
                actor.Add(old.Actor[e]);
                targets.Add(old.Target[e] >= from.ContentCount ? old.Target[e] + shift : old.Target[e]);
                types.Add(old.Type[e]);
                times.Add(old.TimestampMs[e]);
                values.Add(old.Value[e]);
                reference = Math.Max(reference, old.TimestampMs[e]);
            }
        }

        var firstNew = actor.Length;
        var accountEdges = new EdgeContributions();
        var contentEdges = new EdgeContributions();
        var deviceEdges = new EdgeContributions();
        var ipEdges = new EdgeContributions();
        var touchedDevices = new bool[nodes.DeviceCount];
        var touchedIps = new bool[nodes.IpCount];
        var identifierType = EventTypeCodes.Other;
        var span = new EventSpan(from?.EventSequence ?? 0, through);
        await foreach (var row in eventLog.ReadEventsAsync(span, null, cancellationToken).WithCancellation(cancellationToken))
        {
            if (!directory.TryGet(row.Actor, out var actorKind, out var account) || actorKind != NodeKind.Account)
            {
                continue;
            }

            var type = EventTypeCodes.Of(row.Type);
            var value = row.Value ?? 0d;
            var target = -1;
            if (row.Target != 0 && directory.TryGet(row.Target, out var targetKind, out var index))
            {
                switch (targetKind)
                {
                    case NodeKind.Account:
                        target = content + index;
                        accountEdges.Add(account, index, type, row.TimestampMs, value);
                        break;
                    case NodeKind.Content:
                        target = index;
                        contentEdges.Add(account, index, type, row.TimestampMs, value);
                        break;
                }
            }

            if (row.Device != 0 && directory.TryGet(row.Device, out var deviceKind, out var device) && deviceKind == NodeKind.Device)
            {
                deviceEdges.Add(account, device, identifierType, row.TimestampMs, 0d);
                touchedDevices[device] = true;
            }

            if (row.Ip != 0 && directory.TryGet(row.Ip, out var ipKind, out var ip) && ipKind == NodeKind.Ip)
            {
                ipEdges.Add(account, ip, identifierType, row.TimestampMs, 0d);
                touchedIps[ip] = true;
            }

            actor.Add(account);
            targets.Add(target);
            types.Add(type);
            times.Add(row.TimestampMs);
            values.Add(row.Value is { } v ? (float)v : float.NaN);
            reference = Math.Max(reference, row.TimestampMs);
        }

        progress?.Report(0.8);
        var events = new EventColumns(actor.ToTrimmedArray(), targets.ToTrimmedArray(), types.ToTrimmedArray(), times.ToTrimmedArray(), values.ToTrimmedArray());
        var firstSeen = nodes.AccountFirstSeen.ToTrimmedArray();
        if (reference == long.MinValue)
        {
            reference = firstSeen.Length == 0 ? 0 : firstSeen.Max();
        }

        var edges = new EdgeColumns[4];
        Parallel.Invoke(
            () => edges[0] = EdgeFold.Fold(accountEdges, from?.AccountEdges, accountCount),
            () => edges[1] = EdgeFold.Fold(contentEdges, from?.ContentEdges, accountCount),
            () => edges[2] = EdgeFold.Fold(deviceEdges, from?.DeviceEdges, accountCount),
            () => edges[3] = EdgeFold.Fold(ipEdges, from?.IpEdges, accountCount));
        progress?.Report(1.0);

        var data = new PlatformData
        {
            AccountKeys = [.. nodes.AccountKeys],
            AccountFirstSeenMs = firstSeen,
            ContentCount = content,
            DeviceCount = nodes.DeviceCount,
            IpCount = nodes.IpCount,
            AccountEdges = edges[0],
            ContentEdges = edges[1],
            DeviceEdges = edges[2],
            IpEdges = edges[3],
            Events = events,
            ReferenceTimeMs = reference,
            NodesRead = nodes.Count,
            MaxNodeId = nodes.MaxId,
            EventSequence = through,
        };
        return from is null
            ? new PlatformLoad(data, 0, null, null, refusal)
            : new PlatformLoad(data, firstNew, touchedDevices, touchedIps, null);
    }

    /// <summary>Why the previous load cannot be continued on this store, or null when it can.</summary>
    private static string? WhyNotContinue(PlatformData previous, NodeListing nodes, long through)
    {
        if (through < previous.EventSequence)
        {
            return $"the event log ends at sequence {through}, before the previous run's {previous.EventSequence}";
        }

        var (count, accounts, content, devices, ips) = nodes.CountsThrough(previous.MaxNodeId);
        return count != previous.NodesRead || accounts != previous.AccountCount || content != previous.ContentCount
            || devices != previous.DeviceCount || ips != previous.IpCount
            ? "the store's nodes are not those the previous run read"
            : null;
    }

    private static async Task<NodeListing> ReadNodesAsync(IGraphReader reader, CancellationToken cancellationToken)
    {
        var listing = new NodeListing();
        await foreach (var node in reader.ReadNodesAsync(cancellationToken).WithCancellation(cancellationToken))
        {
            listing.Add(node);
        }

        return listing;
    }
}
