using BehaviorGraph.Analytics.Tests.Pipeline;

namespace BehaviorGraph.Analytics.Tests.Features;

public sealed class FeatureBuilderTests
{
    private const long T = Scenarios.Start;

    [Fact]
    public async Task DegreeAndReciprocity_CountDistinctInteractionPartners()
    {
        var p = new TestPlatform();
        p.Add(T, "follow", "a", "b");
        p.Add(T + 1, "follow", "a", "b");
        p.Add(T + 2, "follow", "b", "a");
        p.Add(T + 3, "message", "a", "c");
        p.Add(T + 4, "post", "c", "c1");
        p.Add(T + 5, "like", "b", "c1");

        var analysis = await Analysis.RunAsync(p);

        Assert.Equal(2f, analysis.Feature("a", "out_degree"));
        Assert.Equal(1f, analysis.Feature("a", "in_degree"));
        Assert.Equal(0.5f, analysis.Feature("a", "reciprocity"));
        Assert.Equal(2f, analysis.Feature("b", "out_degree"));
        Assert.Equal(0.5f, analysis.Feature("b", "reciprocity"));
        Assert.Equal(2f, analysis.Feature("c", "in_degree"));
        Assert.Equal(0f, analysis.Feature("c", "out_degree"));
        Assert.Equal(3f, analysis.Feature("a", "events_total"));
        Assert.Equal(2f, analysis.Feature("a", "count_follow"));
        Assert.Equal(1f, analysis.Feature("a", "count_message"));
        Assert.Equal(1f, analysis.Feature("a", "strangers_contacted"));
    }

    [Fact]
    public async Task ClusteringAndCoreNumber_OnATriangleWithATail()
    {
        var p = new TestPlatform();
        p.Add(T, "follow", "a", "b");
        p.Add(T, "follow", "b", "c");
        p.Add(T, "follow", "c", "a");
        p.Add(T, "follow", "c", "d");

        var analysis = await Analysis.RunAsync(p);

        Assert.Equal(1f, analysis.Feature("a", "clustering_coefficient"));
        Assert.Equal(1f / 3f, analysis.Feature("c", "clustering_coefficient"), 5);
        Assert.Equal(2f, analysis.Feature("a", "core_number"));
        Assert.Equal(1f, analysis.Feature("d", "core_number"));
    }

    [Fact]
    public async Task RatingStats_GivenAndReceived_MatchHandComputedValues()
    {
        var p = new TestPlatform();
        p.Add(T, "rate", "a", "c", 10);
        p.Add(T + 1, "rate", "b", "c", -10);
        p.Add(T + 2, "rate", "a", "b", 4);

        var analysis = await Analysis.RunAsync(p);

        Assert.Equal(2f, analysis.Feature("a", "rating_given_count"));
        Assert.Equal(7f, analysis.Feature("a", "rating_given_mean"));
        Assert.Equal(3f, analysis.Feature("a", "rating_given_std"), 5);
        Assert.Equal(0f, analysis.Feature("a", "rating_given_negative_share"));
        Assert.Equal(2f, analysis.Feature("c", "rating_received_count"));
        Assert.Equal(0f, analysis.Feature("c", "rating_received_mean"));
        Assert.Equal(10f, analysis.Feature("c", "rating_received_std"), 5);
        Assert.Equal(0.5f, analysis.Feature("c", "rating_received_negative_share"));
        Assert.Equal(1f, analysis.Feature("b", "rating_given_negative_share"));
    }

    [Fact]
    public async Task Rev2_OnThreeUsers_ConvergesToTheHandSolvedFixedPoint()
    {
        // A rates C +10 and B +10; B rates C 0. Normalised by 10: s(A,C) = 1, s(A,B) = 1, s(B,C) = 0.
        // G(B) = 1. G(C) = F(A) / (F(A) + F(B)); F(A) = (1 − (1 − G(C))/2 + 1) / 2 = (3 + G(C)) / 4; F(B) = 1 − G(C)/2.
        // Substituting: G² − 6G + 3 = 0, so G(C) = 3 − √6, F(A) = (6 − √6) / 4, F(B) = (√6 − 1) / 2.
        var p = new TestPlatform();
        p.Add(T, "rate", "a", "c", 10);
        p.Add(T + 1, "rate", "b", "c", 0);
        p.Add(T + 2, "rate", "a", "b", 10);

        var analysis = await Analysis.RunAsync(p);

        var sqrt6 = Math.Sqrt(6);
        Assert.Equal(3 - sqrt6, analysis.Feature("c", "rev2_goodness"), 4);
        Assert.Equal(1.0, analysis.Feature("b", "rev2_goodness"), 4);
        Assert.Equal((6 - sqrt6) / 4, analysis.Feature("a", "rev2_fairness"), 4);
        Assert.Equal((sqrt6 - 1) / 2, analysis.Feature("b", "rev2_fairness"), 4);
        Assert.Equal(1.0, analysis.Feature("c", "rev2_fairness"), 4);
        Assert.Equal(0.0, analysis.Feature("a", "rev2_goodness"), 4);
    }

    [Fact]
    public async Task Burstiness_ActiveDaysAndAge_FromEventTimes()
    {
        var p = new TestPlatform();
        var day0 = 19_700 * TestPlatform.Day;
        p.Add(day0, "signup", "a");
        p.Add(day0 + 600_000, "login", "a");
        p.Add(day0 + (2 * TestPlatform.Day), "login", "a");
        p.Add(day0 + (4 * TestPlatform.Day), "login", "z");

        var analysis = await Analysis.RunAsync(p);

        // Gaps 600,000 and 172,200,000 ms: mean 86,400,000, std 85,800,000.
        Assert.Equal(85_800_000.0 / 86_400_000.0, analysis.Feature("a", "inter_event_cv"), 5);
        Assert.Equal(2f, analysis.Feature("a", "active_days"));
        Assert.Equal(1.5f, analysis.Feature("a", "events_per_active_day"));
        Assert.Equal(4f, analysis.Feature("a", "account_age_days"));
        Assert.Equal(0f, analysis.Feature("z", "inter_event_cv"));
    }
}
