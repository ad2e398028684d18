using BehaviorGraph.Core.Scoring;
using BehaviorGraph.Scoring.Reasons;
using BehaviorGraph.Scoring.Scoring;
using BehaviorGraph.Scoring.Tests.Training;
using BehaviorGraph.Scoring.Training;

namespace BehaviorGraph.Scoring.Tests.Scoring;

public sealed class ScoringTests
{
    private static readonly Lazy<(SyntheticMatrix Data, ScoringModel Model)> Trained = new(() =>
    {
        var data = SyntheticMatrix.Create(unlabelled: 300);
        var model = TrainingTests.Load(new ScoringModelTrainer(TrainingOptions.Default).Train(TrainingSet.Build(data.Snapshot, data.Labels)));
        return (data, model);
    });

    [Fact]
    public void ScoreAll_DecisionsFollowTheThresholds()
    {
        var (data, model) = Trained.Value;
        var thresholds = new DecisionThresholds(Review: 0.3, Block: 0.8);

        var scores = model.ScoreAll(data.Snapshot, new ScoringOptions(thresholds), 7, DateTimeOffset.UnixEpoch).Scores;

        Assert.All(scores, s => Assert.Equal(s.Score >= 0.8 ? Decision.Block : s.Score >= 0.3 ? Decision.Review : Decision.Allow, s.Decision));
        Assert.Contains(scores, s => s.Decision == Decision.Block);
        Assert.Contains(scores, s => s.Decision == Decision.Allow);
        Assert.All(scores, s => Assert.Equal(7, s.RunId));
        Assert.All(scores, s => Assert.Equal("m-test", s.ModelVersion));
    }

    [Fact]
    public void ScoreAll_ExplainsHighScores_WithPositiveContributionsMappedToCatalogCodes()
    {
        var (data, model) = Trained.Value;

        var scores = model.ScoreAll(data.Snapshot, ScoringOptions.Default, 1, DateTimeOffset.UnixEpoch).Scores;

        var flagged = scores.Where(s => s.Decision != Decision.Allow).ToList();
        Assert.NotEmpty(flagged);
        Assert.All(flagged, s =>
        {
            Assert.InRange(s.Reasons.Count, 1, 3);
            Assert.All(s.Reasons, r => Assert.True(r.Contribution > 0));
            Assert.Equal(s.Reasons.OrderByDescending(r => r.Contribution).Select(r => r.Code), s.Reasons.Select(r => r.Code));
        });
        Assert.All(scores.Where(s => s.Decision == Decision.Allow), s => Assert.Empty(s.Reasons));
        var codes = flagged.SelectMany(s => s.Reasons).Select(r => r.Code).ToHashSet();
        Assert.Contains("SHARED_DEVICE", codes);
        var knownCodes = new HashSet<string> { "SHARED_DEVICE", "LOCKSTEP_GROUP", "ACTIVITY_RATE", "ACCOUNT_AGE", "FEATURE_NOISE", "FEATURE_MYSTERY_FEATURE" };
        Assert.Subset(knownCodes, codes);
        var device = flagged.SelectMany(s => s.Reasons.Select(r => (s.Account, Reason: r))).First(x => x.Reason.Code == "SHARED_DEVICE");
        var value = data.Snapshot.Rows.Single(r => r.Account == device.Account).Values[0];
        Assert.Equal(value, device.Reason.Value);
        Assert.Equal($"uses a device shared by {value:N0} accounts", device.Reason.Text);
    }

    [Fact]
    public void ScoreAll_ExplainsEveryAccount_WhenExplainFromIsZero()
    {
        var (data, model) = Trained.Value;

        var scores = model.ScoreAll(data.Snapshot, ScoringOptions.Default with { ExplainFrom = 0 }, 1, DateTimeOffset.UnixEpoch).Scores;

        Assert.True(scores.Count(s => s.Reasons.Count > 0) > scores.Count(s => s.Decision != Decision.Allow));
    }

    [Fact]
    public void ScoreAll_Refuses_WhenTheSnapshotsFeaturesDiffer()
    {
        var (data, model) = Trained.Value;
        var renamed = data.Snapshot with { FeatureNames = ["max_accounts_per_device", "lockstep_group_size", "events_per_active_day", "account_age_days", "noise", "other"] };

        var ex = Assert.Throws<ModelMismatchException>(() => model.ScoreAll(renamed, ScoringOptions.Default, 1, DateTimeOffset.UnixEpoch));

        Assert.Contains("missing: [mysteryFeature]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not in the model: [other]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlineScorer_MatchesBatchScores_FromManyThreads()
    {
        var (data, model) = Trained.Value;
        var options = ScoringOptions.Default with { ExplainFrom = 0 };
        var batch = model.ScoreAll(data.Snapshot, options, 1, DateTimeOffset.UnixEpoch).Scores.ToDictionary(s => s.Account);
        using var online = model.CreateOnlineScorer(options);

        var rows = data.Snapshot.Rows.Take(200).ToArray();
        var results = new AccountScore[rows.Length];
        Parallel.For(0, rows.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            results[i] = online.Score(rows[i].Account, rows[i].Values, 1, DateTimeOffset.UnixEpoch));

        for (var i = 0; i < rows.Length; i++)
        {
            var expected = batch[rows[i].Account];
            Assert.Equal(expected.Score, results[i].Score, 6);
            Assert.Equal(expected.Decision, results[i].Decision);
            Assert.Equal(expected.Reasons.Select(r => r.Code), results[i].Reasons.Select(r => r.Code));
        }

        Assert.InRange(online.Pooled, 1, Math.Max(2, Environment.ProcessorCount * 2));
    }

    [Fact]
    public void ReasonCatalog_GivesUnknownFeaturesAGenericCode_AndKnownOnesTheirSentence()
    {
        Assert.Equal("FEATURE_AVG_RATING_7D", ReasonCatalog.GenericCode("avgRating-7d"));
        var reason = ReasonCatalog.Default.Reason("ratings_received", 12, 0.4);
        Assert.Equal("FEATURE_RATINGS_RECEIVED", reason.Code);
        Assert.Equal("ratings_received = 12", reason.Text);
        Assert.Equal("acted in lockstep with a group of 57 accounts", ReasonCatalog.Default.Reason("lockstep_group_size", 57, 1).Text);
    }

    [Fact]
    public void DecisionThresholds_Validate_RejectsBlockBelowReview()
    {
        Assert.Throws<ArgumentException>(() => new DecisionThresholds(0.8, 0.5).Validate());
        Assert.Equal(Decision.Review, new DecisionThresholds(0.5, 0.9).Decide(0.5));
        Assert.Equal(Decision.Block, new DecisionThresholds(0.5, 0.9).Decide(0.9));
        Assert.Equal(Decision.Allow, new DecisionThresholds(0.5, 0.9).Decide(0.4999));
    }
}
