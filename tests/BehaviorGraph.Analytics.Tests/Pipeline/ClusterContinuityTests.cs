using BehaviorGraph.Analytics.Pipeline;
using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Tests.Pipeline;

public sealed class ClusterContinuityTests
{
    [Fact]
    public void A_group_that_grows_keeps_its_id_and_says_how_it_changed()
    {
        var previous = new[] { Ring("ring-1", "a", "b", "c", "d"), Ring("ring-2", "p", "q", "r") };
        var current = new[] { Ring("ring-1", "p", "q", "r", "s", "t"), Ring("ring-2", "a", "b", "c", "d") };

        var carried = ClusterContinuity.Carry(previous, current);

        Assert.Equal(["ring-2", "ring-1"], carried.Select(c => c.Id));
        Assert.EndsWith("; since the previous run 2 joined and 0 left (3 then, 5 now)", carried[0].Evidence, StringComparison.Ordinal);
        Assert.Equal(2, carried[0].Figures["joinedSincePreviousRun"]);
        Assert.Equal("evidence", carried[1].Evidence);
        Assert.Equal(0, carried[1].Figures["leftSincePreviousRun"]);
    }

    [Fact]
    public void A_new_group_takes_a_number_above_the_previous_runs_highest_and_a_vanished_id_is_not_reused()
    {
        var previous = new[] { Ring("ring-1", "a", "b", "c"), Ring("ring-7", "x", "y", "z") };
        var current = new[] { Ring("ring-1", "m", "n", "o"), Ring("ring-2", "a", "b", "c", "d") };

        var carried = ClusterContinuity.Carry(previous, current);

        Assert.Equal(["ring-8", "ring-1"], carried.Select(c => c.Id));
        Assert.EndsWith("; new since the previous run", carried[0].Evidence, StringComparison.Ordinal);
        Assert.Equal(1, carried[0].Figures[ClusterContinuity.NewFigure]);
    }

    [Fact]
    public void Matching_needs_a_majority_both_ways_and_the_same_kind()
    {
        // Half of a four-member ring is not a majority; the bot shares all members but is another kind.
        var previous = new[] { Ring("ring-1", "a", "b", "c", "d"), Ring("ring-2", "e", "f", "g") };
        var current = new[]
        {
            Ring("ring-1", "a", "b", "x", "y"),
            new DetectedCluster("bot-1", ClusterKind.Bot, 0.9, ["e", "f", "g"], "evidence", new Dictionary<string, double>()),
        };

        var carried = ClusterContinuity.Carry(previous, current);

        Assert.Equal(["ring-3", "bot-1"], carried.Select(c => c.Id));
    }

    [Fact]
    public void Cross_references_in_evidence_follow_the_renaming()
    {
        var previous = new[] { Ring("ring-1", "a", "b", "c"), Ring("ring-2", "p", "q", "r") };
        var current = new[]
        {
            Ring("ring-1", "p", "q", "r"),
            Ring("ring-2", "a", "b", "c"),
            new DetectedCluster("bot-1", ClusterKind.Bot, 0.9, ["a", "p"], "lockstep; members also in ring clusters: 1 in ring-1, 1 in ring-2 (of 2)", new Dictionary<string, double>()),
        };

        var carried = ClusterContinuity.Carry(previous, current);

        Assert.StartsWith("lockstep; members also in ring clusters: 1 in ring-2, 1 in ring-1 (of 2)", carried[2].Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_previous_run_nothing_changes()
    {
        var current = new[] { Ring("ring-1", "a", "b") };

        Assert.Same(current, ClusterContinuity.Carry([], current));
    }

    private static DetectedCluster Ring(string id, params string[] members) =>
        new(id, ClusterKind.Ring, 0.9, members, "evidence", new Dictionary<string, double>());
}
