using System.Text.RegularExpressions;
using BehaviorGraph.Core.Labels;
using BehaviorGraph.Scoring.Registry;

namespace BehaviorGraph.Scoring.Tests.Registry;

public sealed class ModelLifecycleTests
{
    private static readonly EvaluationOptions FiveFolds = new(Folds: 5);

    [Fact]
    public async Task Train_RegistersAndPromotesTheFirstModel_ThenRefusesAWorseOne()
    {
        await using var temp = await TempStore.CreateAsync();
        var data = SyntheticMatrix.Create();
        var clock = new FixedClock(new DateTimeOffset(2024, 5, 1, 13, 14, 15, TimeSpan.Zero));
        var lifecycle = new ModelLifecycle(temp.Store.Models, TrainingOptions.Default, FiveFolds, PromotionGateOptions.Default, clock);

        var good = await lifecycle.TrainAsync(data.Snapshot, data.Labels, a => data.Groups.GetValueOrDefault(a), CancellationToken.None);

        Assert.Matches(new Regex("^m-20240501-131415-[0-9a-f]{8}$"), good.Model.Version);
        Assert.True(good.Promotion.Promoted, good.Promotion.Reason);
        Assert.Equal(good.Model.Version, (await temp.Store.Models.GetPromotedAsync(CancellationToken.None))!.Info.Version);
        Assert.Equal(good.CrossValidation.Overall, good.Model.Metrics);
        Assert.Equal(SyntheticMatrix.FeatureNames, good.Model.FeatureNames);
        Assert.Equal(64, good.Model.TrainingDataHash.Length);

        // Labels shuffled across accounts: no signal left, so the cross-validated AUPRC falls to about the base rate.
        var random = new Random(3);
        var shuffled = data.Labels.Select(l => l.Label).OrderBy(_ => random.Next()).ToArray();
        var noisy = data.Labels.Select((l, i) => l with { Label = shuffled[i] }).ToList();
        clock.Advance(TimeSpan.FromMinutes(1));
        var worse = await lifecycle.TrainAsync(data.Snapshot, noisy, null, CancellationToken.None);

        Assert.False(worse.Promotion.Promoted);
        Assert.StartsWith("refused: AUPRC", worse.Promotion.Reason, StringComparison.Ordinal);
        Assert.Equal(good.Model.Version, (await temp.Store.Models.GetPromotedAsync(CancellationToken.None))!.Info.Version);
        Assert.Equal(2, (await temp.Store.Models.ListAsync(CancellationToken.None)).Count);

        var forced = await lifecycle.PromoteAsync(worse.Model.Version, force: true, CancellationToken.None);
        Assert.True(forced.Promoted);
        Assert.Equal(worse.Model.Version, (await temp.Store.Models.GetPromotedAsync(CancellationToken.None))!.Info.Version);
    }

    [Fact]
    public async Task Train_Throws_WhenTooFewLabelsOfAClassMatchTheSnapshot()
    {
        await using var temp = await TempStore.CreateAsync();
        var data = SyntheticMatrix.Create();
        var labels = data.Labels.Where(l => l.Label == LabelKind.Benign)
            .Concat(data.Labels.Where(l => l.Label == LabelKind.Abusive).Take(3))
            .Append(new AccountLabel("ghost", LabelKind.Abusive, "file", null, null, DateTimeOffset.UnixEpoch))
            .ToList();
        var lifecycle = new ModelLifecycle(temp.Store.Models, TrainingOptions.Default, FiveFolds, PromotionGateOptions.Default);

        var ex = await Assert.ThrowsAsync<InsufficientLabelsException>(() => lifecycle.TrainAsync(data.Snapshot, labels, null, CancellationToken.None));

        Assert.Contains("3 abusive and 400 benign", ex.Message, StringComparison.Ordinal);
        Assert.Contains("1 labelled account(s) are not in the feature snapshot", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await temp.Store.Models.ListAsync(CancellationToken.None));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
