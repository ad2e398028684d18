using BehaviorGraph.Core.Events;
using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Storage.Tests;

/// <summary>Short builders for the hand-written events and batches of the store tests.</summary>
internal static class TestEvents
{
    public static InteractionEvent Event(
        string id, long ts, string type, string actor, string? target = null, double? value = null,
        string? device = null, string? ip = null, TargetKind? kind = null) =>
        new(id, ts, type, actor, target,
            target is null ? TargetKind.None : kind ?? EventTypes.DefaultTargetKind(type),
            value, device, ip);

    public static EventBatch Batch(
        string hash, long lastLine, IReadOnlyList<InteractionEvent> events, params QuarantinedRow[] quarantined) =>
        new(new IngestSource(hash + ".csv", hash), events, quarantined, lastLine);

    /// <summary>
    /// Five events over three accounts, one post, two devices and two IPs, deliberately not in time order.
    /// Hand-checked consequences are asserted in <see cref="StoreBehaviorTests"/>.
    /// </summary>
    public static IReadOnlyList<InteractionEvent> First { get; } =
    [
        Event("e1", 1000, EventTypes.Follow, "alice", "bob", device: "d1", ip: "10.0.0.1"),
        Event("e2", 2000, EventTypes.Rate, "alice", "bob", value: 4.5, device: "d1"),
        Event("e3", 1500, EventTypes.Follow, "carol", "bob", ip: "10.0.0.1"),
        Event("e4", 3000, EventTypes.Like, "alice", "post1"),
        Event("e5", 500, EventTypes.Login, "bob", device: "d2", ip: "10.0.0.2"),
    ];

    /// <summary>Overlaps <see cref="First"/> by e4 and adds two new events.</summary>
    public static IReadOnlyList<InteractionEvent> Second { get; } =
    [
        Event("e4", 3000, EventTypes.Like, "alice", "post1"),
        Event("e6", 4000, EventTypes.Rate, "alice", "bob", value: 2.0, device: "d1"),
        Event("e7", 100, EventTypes.Follow, "dave", "bob"),
    ];
}
