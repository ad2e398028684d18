using BehaviorGraph.Analytics.Projection;
using BehaviorGraph.Core.Events;
using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Analytics.Tests.Projection;

public sealed class PlatformLoaderTests
{
    // Accounts a (1) and b (2), content c (3) and c2 (6), device d (4), IP i (5); store ids with a gap at 7..99.
    private static readonly GraphNode[] Nodes =
    [
        new(1, NodeKind.Account, "a", 40, 0),
        new(2, NodeKind.Account, "b", 60, 0),
        new(3, NodeKind.Content, "c", 50, 0),
        new(4, NodeKind.Device, "d", 0, 0),
        new(5, NodeKind.Ip, "i", 0, 0),
        new(6, NodeKind.Content, "c2", 0, 0),
    ];

    private static readonly EventRow[] Events =
    [
        new(100, EventTypes.Follow, 1, 2, null, 4, 5),
        new(50, EventTypes.Post, 1, 3, null, 0, 0),
        new(300, EventTypes.Like, 2, 3, null, 0, 0),
        new(400, EventTypes.Like, 3, 6, null, 0, 0), // actor is content: dropped
        new(250, EventTypes.Login, 2, 0, null, 0, 0),
        new(260, EventTypes.Rate, 2, 1, 7.5, 0, 0),
    ];

    [Fact]
    public async Task Load_AggregatesTheEventsIntoEdgesByTargetKind_AsIngestDoes()
    {
        var data = await Load();

        Assert.Equal(["a", "b"], data.AccountKeys);
        Assert.Equal([40L, 60], data.AccountFirstSeenMs);
        Assert.Equal((2, 1, 1), (data.ContentCount, data.DeviceCount, data.IpCount));
        Assert.Equal(6, data.NodesRead);
        Assert.Equal(6, data.EdgesRead);
        Assert.Equal(6, data.EventSequence);

        // a follows b; b rates a 7.5: ordered by source.
        Assert.Equal([0, 1], data.AccountEdges.Source);
        Assert.Equal([1, 0], data.AccountEdges.Target);
        Assert.Equal([EventTypeCodes.Follow, EventTypeCodes.Rate], data.AccountEdges.Type);
        Assert.Equal((1, 100L, 100L), (data.AccountEdges.Count[0], data.AccountEdges.FirstMs[0], data.AccountEdges.LastMs[0]));
        Assert.Equal(7.5, data.AccountEdges.ValueSum[1]);
        Assert.Equal([EventTypeCodes.Post, EventTypeCodes.Like], data.ContentEdges.Type);
        Assert.Equal([0, 0], data.ContentEdges.Target);
        Assert.Equal([0], data.DeviceEdges.Target);
        Assert.Equal([0], data.IpEdges.Target);
    }

    [Fact]
    public async Task Load_KeepsEventsOfAccounts_WithTargetsEncodedAndTheLatestTimeAsReference()
    {
        var data = await Load();

        var events = data.Events;
        Assert.Equal(5, events.Count);
        Assert.Equal([0, 0, 1, 1, 1], events.Actor);
        // follow b: an account target, offset by the content count; post and like c: content 0; login: none.
        Assert.Equal([data.EncodeAccount(1), 0, 0, -1, data.EncodeAccount(0)], events.Target);
        Assert.Equal(1, data.TargetAccount(events.Target[0]));
        Assert.Equal(-1, data.TargetAccount(events.Target[1]));
        Assert.Equal(EventTypeCodes.Of(EventTypes.Rate), events.Type[4]);
        Assert.Equal(7.5f, events.Value[4]);
        Assert.True(float.IsNaN(events.Value[0]));
        Assert.Equal(300, data.ReferenceTimeMs);
    }

    private static Task<PlatformData> Load()
    {
        var platform = new InMemoryPlatform(Nodes, [], Events);
        return PlatformLoader.LoadAsync(platform, platform, null, CancellationToken.None);
    }
}
