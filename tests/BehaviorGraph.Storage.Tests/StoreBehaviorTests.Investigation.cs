using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Investigation;
using static BehaviorGraph.Storage.Tests.TestEvents;

namespace BehaviorGraph.Storage.Tests;

/// <summary>The console's investigation reads, checked by hand against <see cref="TestEvents.First"/>.</summary>
public abstract partial class StoreBehaviorTests
{
    [SkippableFact]
    public async Task IdentifierUses_ListTheGroupsDevicesAndIps_WithHowManyAccountsUseEach()
    {
        var store = await OpenAsync();
        await store.Ingest.WriteBatchAsync(Batch("h1", 5, First), CancellationToken.None);
        var reader = Assert.IsAssignableFrom<IInvestigationReader>(store.GetAbility<IInvestigationReader>());

        var uses = await reader.ReadIdentifierUsesAsync(["alice", "carol", "nobody"], CancellationToken.None);

        Assert.Equal(
            [
                new IdentifierUse("alice", NodeKind.Device, "d1", 2, 1000, 2000, 1),
                new IdentifierUse("alice", NodeKind.Ip, "10.0.0.1", 1, 1000, 1000, 2),
                new IdentifierUse("carol", NodeKind.Ip, "10.0.0.1", 1, 1500, 1500, 2),
            ],
            uses);
        Assert.Empty(await reader.ReadIdentifierUsesAsync(["nobody"], CancellationToken.None));
    }

    [SkippableFact]
    public async Task Activity_GivesFirstSeenAndOutgoingActions_WithoutIdentifierUses_AndSaysWhenCut()
    {
        var store = await OpenAsync();
        await store.Ingest.WriteBatchAsync(Batch("h1", 5, First), CancellationToken.None);
        var reader = Assert.IsAssignableFrom<IInvestigationReader>(store.GetAbility<IInvestigationReader>());

        var activity = await reader.ReadActivityAsync(["carol", "alice", "nobody"], 10, CancellationToken.None);
        var cut = await reader.ReadActivityAsync(["carol", "alice"], 2, CancellationToken.None);

        Assert.Equal([new MemberSeen("alice", 1000, 3000), new MemberSeen("carol", 1500, 1500)], activity.Members);
        Assert.False(activity.ActionsTruncated);
        Assert.Equal(
            ["alice follow 1 1000 1000", "alice like 1 3000 3000", "alice rate 1 2000 2000", "carol follow 1 1500 1500"],
            activity.Actions.Select(a => $"{a.Account} {a.Type} {a.Count} {a.FirstMs} {a.LastMs}").Order(StringComparer.Ordinal));
        var bob = activity.Actions.Where(a => a.Type == "follow").Select(a => a.Target).Distinct();
        Assert.Single(bob);
        Assert.NotEqual(bob.Single(), activity.Actions.Single(a => a.Type == "like").Target);
        Assert.True(cut.ActionsTruncated);
        Assert.Equal(2, cut.Actions.Count);
    }

    [SkippableFact]
    public async Task NodeEdges_GiveBothDirections_CappedPerTypeAndDirection_WithCounts()
    {
        var store = await OpenAsync();
        await store.Ingest.WriteBatchAsync(Batch("h1", 5, First), CancellationToken.None);
        var reader = Assert.IsAssignableFrom<IInvestigationReader>(store.GetAbility<IInvestigationReader>());

        var bob = (await reader.ReadNodeEdgesAsync(NodeKind.Account, "bob", null, 10, CancellationToken.None))!;
        var capped = (await reader.ReadNodeEdgesAsync(NodeKind.Account, "bob", null, 1, CancellationToken.None))!;
        var follows = (await reader.ReadNodeEdgesAsync(NodeKind.Account, "bob", ["follow"], 10, CancellationToken.None))!;
        var device = (await reader.ReadNodeEdgesAsync(NodeKind.Device, "d1", null, 10, CancellationToken.None))!;
        var ip = (await reader.ReadNodeEdgesAsync(NodeKind.Ip, "10.0.0.1", null, 10, CancellationToken.None))!;

        Assert.Equal((NodeKind.Account, "bob"), (bob.Kind, bob.Key));
        Assert.Equal(
            [
                "account:alice follow account:bob 1", "account:alice rate account:bob 1", "account:bob uses_device device:d2 1",
                "account:bob uses_ip ip:10.0.0.2 1", "account:carol follow account:bob 1",
            ],
            bob.Edges.Select(Describe).Order(StringComparer.Ordinal));
        Assert.Equal(
            [new EdgeTypeCount("uses_device", true, 1), new EdgeTypeCount("uses_ip", true, 1), new EdgeTypeCount("follow", false, 2), new EdgeTypeCount("rate", false, 1)],
            bob.Counts);
        Assert.Equal(4, capped.Edges.Count);
        Assert.Single(capped.Edges, e => e.Type == "follow");
        Assert.Equal(bob.Counts, capped.Counts);
        Assert.Equal(["account:alice follow account:bob 1", "account:carol follow account:bob 1"], follows.Edges.Select(Describe).Order(StringComparer.Ordinal));
        Assert.Equal(["account:alice uses_device device:d1 2"], device.Edges.Select(Describe));
        Assert.Equal(["account:alice uses_ip ip:10.0.0.1 1", "account:carol uses_ip ip:10.0.0.1 1"], ip.Edges.Select(Describe).Order(StringComparer.Ordinal));
        Assert.Null(await reader.ReadNodeEdgesAsync(NodeKind.Account, "nobody", null, 10, CancellationToken.None));
        Assert.Null(await reader.ReadNodeEdgesAsync(NodeKind.Device, "bob", null, 10, CancellationToken.None));

        static string Describe(NodeEdge e) =>
            $"{e.SourceKind.ToString().ToLowerInvariant()}:{e.Source} {e.Type} {e.TargetKind.ToString().ToLowerInvariant()}:{e.Target} {e.Count}";
    }
}
