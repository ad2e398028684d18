using BehaviorGraph.Analytics.Projection;
using BehaviorGraph.Analytics.Tests.Pipeline;

namespace BehaviorGraph.Analytics.Tests.Projection;

public sealed class PlatformGraphsTests
{
    private const long T = Scenarios.Start;

    [Fact]
    public async Task Build_ComposesFollowContactInteractionAndMutual_FromTheirEdgeTypes()
    {
        var p = new TestPlatform();
        p.Add(T, "follow", "a", "b");
        p.Add(T + 1, "follow", "b", "a");
        p.Add(T + 2, "message", "a", "c");
        p.Add(T + 3, "rate", "c", "a", 5);
        p.Add(T + 4, "report", "c", "b");
        p.Add(T + 5, "follow", "d", "d");

        var (data, graphs) = await Build(p);
        int a = Index(data, "a"), b = Index(data, "b"), c = Index(data, "c"), d = Index(data, "d");

        Assert.True(graphs.Follow.HasEdge(a, b));
        Assert.False(graphs.Follow.HasEdge(a, c));
        Assert.True(graphs.Contact.HasEdge(a, c));
        Assert.False(graphs.Contact.HasEdge(c, a));
        Assert.True(graphs.Interaction.HasEdge(c, a));
        Assert.False(graphs.Interaction.HasEdge(c, b));
        Assert.Equal(0, graphs.Interaction.Degree(d));
        Assert.True(graphs.Mutual.IsUndirected);
        Assert.True(graphs.Mutual.HasEdge(a, b) && graphs.Mutual.HasEdge(b, a));
        Assert.True(graphs.Mutual.HasEdge(a, c));
        Assert.Equal(4, graphs.Mutual.EntryCount);
    }

    [Fact]
    public async Task Build_DrawsEngagementWithContentToItsFirstPoster_ButNotOwnContent()
    {
        var p = new TestPlatform();
        p.Add(T + 10, "post", "e", "q");
        p.Add(T + 20, "post", "f", "q");
        p.Add(T + 30, "like", "g", "q");
        p.Add(T + 31, "comment", "g", "q");
        p.Add(T + 40, "like", "e", "q");
        p.Add(T + 50, "view", "h", "q");

        var (data, graphs) = await Build(p);
        int e = Index(data, "e"), g = Index(data, "g"), h = Index(data, "h");

        Assert.Equal(e, graphs.ContentOwner[0]);
        Assert.True(graphs.Interaction.HasEdge(g, e));
        Assert.Equal(2f, graphs.Interaction.EdgeWeight(g, e));
        Assert.Equal(0, graphs.Interaction.Degree(e));
        Assert.Equal(0, graphs.Interaction.Degree(h));
    }

    private static async Task<(PlatformData Data, PlatformGraphs Graphs)> Build(TestPlatform platform)
    {
        var data = await PlatformLoader.LoadAsync(platform, platform, null, CancellationToken.None);
        return (data, PlatformGraphs.Build(data));
    }

    private static int Index(PlatformData data, string account) => Array.IndexOf(data.AccountKeys, account);
}
