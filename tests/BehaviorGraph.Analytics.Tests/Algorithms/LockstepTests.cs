using BehaviorGraph.Analytics.Algorithms.Lockstep;
using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Analytics.Tests.Algorithms;

public sealed class LockstepTests
{
    private const long Minute = 60_000;
    private const long Hour = 60 * Minute;
    private const long Day = 24 * Hour;

    private sealed class EventLog
    {
        private readonly List<EventRow> _rows = [];

        public void Like(long actor, long target, long timestampMs) =>
            _rows.Add(new EventRow(timestampMs, "like", actor, target, null, 0, 0));

        /// <summary>
        /// Organic engagement: each of <paramref name="targets"/> targets (ids from 1,000,000) gets 3–12 of
        /// <paramref name="actors"/> actors (ids from 10,000) at independent times spread over <paramref name="days"/> days.
        /// </summary>
        public void Background(int seed, int actors = 400, int targets = 600, int days = 30)
        {
            var random = new Random(seed);
            for (var t = 0; t < targets; t++)
            {
                var engagers = random.Next(3, 13);
                for (var k = 0; k < engagers; k++)
                {
                    Like(10_000 + random.Next(actors), 1_000_000 + t, (long)(random.NextDouble() * days * Day));
                }
            }
        }

        /// <summary>A job: each member engages the target within <paramref name="spreadMs"/> of the job's start.</summary>
        public void Job(IEnumerable<long> members, long target, long start, long spreadMs, Random random)
        {
            foreach (var m in members)
            {
                Like(m, target, start + (long)(random.NextDouble() * spreadMs));
            }
        }

        public LockstepInput Input() => LockstepInput.FromEvents(_rows, ["like"]);
    }

    private static readonly long[] Bots = [1, 2, 3, 4, 5, 6];

    [Fact]
    public void LogChernoff_IsTheBoundOnAtLeastXSuccesses_AndZeroAtOrBelowTheMean()
    {
        // x = 6, λ = 1: 6 − 1 + 6·ln(1/6) = 5 − 10.751 = −5.751
        Assert.Equal(-5.7506, Lockstep.LogChernoff(6, 1.0), 3);
        Assert.Equal(0, Lockstep.LogChernoff(2, 2.5));
        Assert.True(Lockstep.LogChernoff(10, 0.01) < Lockstep.LogChernoff(5, 0.01));
    }

    [Fact]
    public void Lockstep_FindsTheBots_WhenSixAccountsWorkSixJobsDaysApartAgainstAnOrganicBackground()
    {
        var log = new EventLog();
        log.Background(seed: 1);
        var random = new Random(7);
        for (var job = 0; job < 6; job++)
        {
            log.Job(Bots, 500 + job, (job * 4 * Day) + (3 * Hour), 2 * Minute, random);
        }

        var r = Lockstep.Run(log.Input(), LockstepParameters.Default with { MinPairDegree = 2, MinGroupSize = 3 });

        var group = Assert.Single(r.Groups);
        Assert.Equal(Bots, group.MemberIds);
        Assert.Equal(15, group.PairCount);
        Assert.Equal(6, group.SharedTargetCount);
        Assert.True(group.ExpectedCoActions < 0.1 * group.CoActions, $"expected {group.ExpectedCoActions} of {group.CoActions}");
        Assert.True(group.MedianPairLogChance < -10, $"median pair chance e^{group.MedianPairLogChance}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Lockstep_FindsNoGroup_OnAnOrganicBackgroundAlone(int seed)
    {
        // 100 accounts engaging 1,500 targets within two days: pairs share ~8 targets and co-act on some by chance.
        var log = new EventLog();
        log.Background(seed, actors: 100, targets: 1500, days: 2);

        var r = Lockstep.Run(log.Input(), LockstepParameters.Default with { MinPairDegree = 2, MinGroupSize = 3 });

        Assert.Empty(r.Groups);
        Assert.Equal(0, r.SignificantPairs);
        Assert.True(r.CandidatePairs > 1000 && r.TestedPairs > 10, $"the background should co-act by chance ({r.CandidatePairs} pairs, {r.TestedPairs} tested)");
    }

    [Fact]
    public void Lockstep_FindsJobsSpreadOverAnHour_AtItsWidestScale()
    {
        var log = new EventLog();
        log.Background(seed: 4);
        var random = new Random(11);
        for (var job = 0; job < 8; job++)
        {
            log.Job(Bots, 500 + job, (job * 3 * Day) + (5 * Hour), 55 * Minute, random);
        }

        var wide = Lockstep.Run(log.Input(), LockstepParameters.Default with { MinPairDegree = 2, MinGroupSize = 3 });
        var tenMinutes = Lockstep.Run(log.Input(), LockstepParameters.Default with { WindowsMs = [10 * Minute], MinPairDegree = 2, MinGroupSize = 3 });

        Assert.Equal(Bots, Assert.Single(wide.Groups).MemberIds);
        Assert.True(Assert.Single(wide.Groups).WindowMs >= 30 * Minute);
        Assert.DoesNotContain(tenMinutes.Groups, g => g.MemberCount == Bots.Length);
    }

    [Fact]
    public void Lockstep_CountsOneSessionOnce_SoAccountsLikingManyPostsTogetherOnceAreNoGroup()
    {
        // Five accounts like the same eight posts within the same quarter of an hour, once: one moment, not eight.
        var log = new EventLog();
        log.Background(seed: 5);
        var random = new Random(3);
        for (var post = 0; post < 8; post++)
        {
            log.Job(Bots[..5], 500 + post, (10 * Day) + (post * Minute), 10 * Minute, random);
        }

        var r = Lockstep.Run(log.Input(), LockstepParameters.Default with { MinPairDegree = 2, MinGroupSize = 3 });

        Assert.DoesNotContain(r.Groups, g => g.MemberIds.Intersect(Bots).Any());
    }

    [Fact]
    public void Lockstep_IsNoGroup_WhenTheTargetsOtherEngagersAreJustAsFast()
    {
        // A creator's six posts, days apart: each draws 60 of 400 followers within ten minutes of posting, and six
        // superfans engage every post as fast. Their co-action is what these posts' whole audience shows.
        var log = new EventLog();
        log.Background(seed: 6);
        var random = new Random(5);
        for (var post = 0; post < 6; post++)
        {
            var start = (post * 4 * Day) + (6 * Hour);
            log.Job(Bots, 500 + post, start, 10 * Minute, random);
            log.Job(Enumerable.Range(0, 400).OrderBy(_ => random.Next()).Take(60).Select(x => 20_000L + x), 500 + post, start, 10 * Minute, random);
        }

        var r = Lockstep.Run(log.Input(), LockstepParameters.Default with { MinPairDegree = 2, MinGroupSize = 3 });

        Assert.DoesNotContain(r.Groups, g => g.MemberIds.Intersect(Bots).Any());
        Assert.True(r.SignificantPairs > 0, "the first pass, against the platform's rates, should flag the superfans");
    }

    [Fact]
    public void Lockstep_PairsAFloodedEventOnlyWithinAShorterWindow_OrWithNobody()
    {
        // 50 strangers within one minute on one target: with a cap of 20 partners every event floods even the
        // two-minute window.
        var log = new EventLog();
        for (var a = 0; a < 50; a++)
        {
            log.Like(a + 1, 1000, a * 1_000);
        }

        var capped = Lockstep.Run(log.Input(), LockstepParameters.Default with { MaxPartners = 20 });
        var open = Lockstep.Run(log.Input(), LockstepParameters.Default with { MaxPartners = 100 });

        // The first 29 events each see more than 20 later ones within two minutes; the last 21 fewer.
        Assert.Equal(29, capped.FloodedEvents);
        Assert.Equal(21L * 20 / 2, capped.CoActions);
        Assert.Equal(50L * 49 / 2, open.CoActions);
        Assert.Equal(0, open.FloodedEvents);
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
        // Bots work eight jobs; actor 9 joins actor 1 on eight other targets, never the rest.
        var log = new EventLog();
        log.Background(seed: 8);
        var random = new Random(2);
        for (var job = 0; job < 8; job++)
        {
            log.Job(Bots[..4], 500 + job, (job * 3 * Day) + Hour, Minute, random);
            log.Job([1, 9], 600 + job, (job * 3 * Day) + (9 * Hour), Minute, random);
        }

        var loose = Lockstep.Run(log.Input(), LockstepParameters.Default);
        var core = Lockstep.Run(log.Input(), LockstepParameters.Default with { MinPairDegree = 2 });

        Assert.Equal([1L, 2, 3, 4, 9], Assert.Single(loose.Groups).MemberIds);
        Assert.Equal([1L, 2, 3, 4], Assert.Single(core.Groups).MemberIds);
    }

    [Fact]
    public void Run_RejectsWindowsThatAreNotAscending()
    {
        var log = new EventLog();
        log.Like(1, 1, 0);

        var error = Assert.Throws<ArgumentException>(() => Lockstep.Run(log.Input(), LockstepParameters.Default with { WindowsMs = [10 * Minute, 2 * Minute] }));
        Assert.Contains("ascending", error.Message, StringComparison.Ordinal);
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
