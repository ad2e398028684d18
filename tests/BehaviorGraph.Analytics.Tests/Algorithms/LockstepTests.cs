using BehaviorGraph.Analytics.Algorithms.Lockstep;
using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Analytics.Tests.Algorithms;

public sealed class LockstepTests
{
    private const long Minute = 60_000;
    private const long Hour = 60 * Minute;

    private sealed class EventLog
    {
        private readonly List<EventRow> _rows = [];

        public IReadOnlyList<EventRow> Rows => _rows;

        public void Like(long actor, long target, long timestampMs) =>
            _rows.Add(new EventRow(timestampMs, "like", actor, target, null, 0, 0));

        public LockstepInput Input() => LockstepInput.FromEvents(_rows, ["like"]);
    }

    [Fact]
    public void Lockstep_FindsOneGroup_WhenFiveActorsHitSixTargetsWithinTwoMinutes()
    {
        var log = new EventLog();
        for (var t = 0; t < 6; t++)
        {
            for (var a = 0; a < 5; a++)
            {
                // Actor k acts 20 s after actor k-1, so a target's five events span 80 s.
                log.Like(100 + a, 1000 + t, (t * 5 * Hour) + (a * 20_000));
            }
        }

        var r = Lockstep.Run(log.Input(), LockstepParameters.Default);

        var group = Assert.Single(r.Groups);
        Assert.Equal([100L, 101, 102, 103, 104], group.MemberIds);
        Assert.Equal(10, group.PairCount);
        Assert.Equal(6, group.SharedTargetCount);
        Assert.Equal(60, group.CoActions);
        // Gaps per target: 20 s ×4, 40 s ×3, 60 s ×2, 80 s ×1; the median of the 60 is 40 s.
        Assert.Equal(40_000, group.MedianSpreadMs);
        Assert.Equal(10, r.KeptPairs);
    }

    [Fact]
    public void Lockstep_FindsNoGroup_WhenFiftyStrangersHitViralTargetsInTheSameMinute()
    {
        var log = new EventLog();
        for (var t = 0; t < 3; t++)
        {
            for (var a = 0; a < 50; a++)
            {
                log.Like(a + 1, 1000 + t, (t * 5 * Hour) + (a * 1_000));
            }
        }

        var r = Lockstep.Run(log.Input(), LockstepParameters.Default with { MaxEventsPerWindow = 20 });

        Assert.Empty(r.Groups);
        Assert.Equal(150, r.BurstEventsSkipped);
        Assert.Equal(0, r.CoActions);
    }

    [Fact]
    public void Lockstep_WouldGroupTheSameStrangers_WithoutTheBurstCap()
    {
        // Control for the test above: the cap, not the thresholds, is what keeps them apart.
        var log = new EventLog();
        for (var t = 0; t < 3; t++)
        {
            for (var a = 0; a < 50; a++)
            {
                log.Like(a + 1, 1000 + t, (t * 5 * Hour) + (a * 1_000));
            }
        }

        var r = Lockstep.Run(log.Input(), LockstepParameters.Default with { MaxEventsPerWindow = 100 });

        Assert.Equal(50, Assert.Single(r.Groups).MemberCount);
    }

    [Fact]
    public void Lockstep_FindsNoGroup_WhenPairSharesOnlyTwoTargets()
    {
        var log = new EventLog();
        for (var t = 0; t < 2; t++)
        {
            log.Like(1, 1000 + t, t * Hour);
            log.Like(2, 1000 + t, (t * Hour) + Minute);
        }

        var r = Lockstep.Run(log.Input(), LockstepParameters.Default with { MinSharedTargets = 3 });

        Assert.Empty(r.Groups);
        Assert.Equal(1, r.CandidatePairs);
        Assert.Equal(0, r.KeptPairs);
        Assert.Equal(2, r.CoActions);
    }

    [Fact]
    public void Lockstep_CountsPairStraddlingAWindowBoundary()
    {
        // W = 10 min; the two actors act at 9:30 and 10:30 past a multiple of W, one minute apart.
        var log = new EventLog();
        for (var t = 0; t < 3; t++)
        {
            var boundary = (t + 1) * 6 * 10 * Minute;
            log.Like(1, 1000 + t, boundary - 30_000);
            log.Like(2, 1000 + t, boundary + 30_000);
        }

        var r = Lockstep.Run(log.Input(), LockstepParameters.Default);

        var group = Assert.Single(r.Groups);
        Assert.Equal([1L, 2], group.MemberIds);
        Assert.Equal(Minute, group.MedianSpreadMs);
    }

    [Fact]
    public void Lockstep_IgnoresActionsFurtherApartThanTheWindow()
    {
        var log = new EventLog();
        for (var t = 0; t < 3; t++)
        {
            log.Like(1, 1000 + t, t * Hour);
            log.Like(2, 1000 + t, (t * Hour) + (11 * Minute));
        }

        var r = Lockstep.Run(log.Input(), LockstepParameters.Default);

        Assert.Empty(r.Groups);
        Assert.Equal(0, r.CandidatePairs);
    }

    [Fact]
    public void Lockstep_CountsAPairOncePerTarget_WhenTheyRepeatOnIt()
    {
        var log = new EventLog();
        for (var k = 0; k < 5; k++)
        {
            log.Like(1, 1000, k * Minute);
            log.Like(2, 1000, (k * Minute) + 1_000);
        }

        var r = Lockstep.Run(log.Input(), LockstepParameters.Default);

        Assert.Empty(r.Groups);
        Assert.Equal(1, r.CoActions);
    }

    [Fact]
    public void Lockstep_PeelsLooselyAttachedActor_WithMinPairDegree()
    {
        // Actors 1..4 all co-act on 3 targets; actor 9 co-acts with actor 1 only, on 3 other targets.
        var log = new EventLog();
        for (var t = 0; t < 3; t++)
        {
            for (var a = 1; a <= 4; a++)
            {
                log.Like(a, 1000 + t, (t * Hour) + (a * 1_000));
            }

            log.Like(1, 2000 + t, (t * Hour) + (30 * Minute));
            log.Like(9, 2000 + t, (t * Hour) + (31 * Minute));
        }

        var loose = Lockstep.Run(log.Input(), LockstepParameters.Default);
        var core = Lockstep.Run(log.Input(), LockstepParameters.Default with { MinPairDegree = 2 });

        Assert.Equal([1L, 2, 3, 4, 9], Assert.Single(loose.Groups).MemberIds);
        Assert.Equal([1L, 2, 3, 4], Assert.Single(core.Groups).MemberIds);
    }

    [Fact]
    public void FromEvents_KeepsChosenTypes_AndSkipsTargetlessRows()
    {
        EventRow[] rows =
        [
            new(1, "like", 7, 70, null, 0, 0),
            new(2, "login", 7, 0, null, 0, 0),
            new(3, "follow", 8, 7, null, 0, 0),
            new(4, "like", 8, 70, null, 0, 0),
        ];

        var input = LockstepInput.FromEvents(rows, ["like"]);

        Assert.Equal(2, input.Count);
        Assert.Equal([7L, 8], input.ActorIds);
        Assert.Equal([70L], input.TargetIds);
        Assert.Equal([1L, 4], input.TimestampsMs);
    }

    [Fact]
    public void LockstepInput_RejectsArraysOfDifferentLengths()
    {
        var error = Assert.Throws<ArgumentException>(() => new LockstepInput([0, 0], [0], [1, 2], [5], [6]));
        Assert.Contains("same length", error.Message, StringComparison.Ordinal);
    }
}
