using BehaviorGraph.Scoring.Ml;
using BehaviorGraph.Scoring.Training;
using Microsoft.ML;

namespace BehaviorGraph.Scoring.Evaluation;

/// <summary>
/// Grouped, stratified k-fold cross-validation: accounts of one group (linked identities, a cluster) are always held
/// out together, so a model is never tested on accounts whose twins it trained on.
/// </summary>
public sealed class CrossValidator(TrainingOptions training, EvaluationOptions evaluation)
{
    public CrossValidationResult Run(TrainingSet set, IReadOnlyDictionary<string, string> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return Run(set, account => groups.GetValueOrDefault(account));
    }

    public CrossValidationResult Run(TrainingSet set, Func<string, string?>? groupOf = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        training.Validate();
        if (evaluation.Folds < 2)
        {
            throw new ArgumentException($"Cross-validation needs at least 2 folds; got {evaluation.Folds}.");
        }

        set.EnsureEnough(training.MinimumLabelsPerClass);
        var assignment = GroupedStratifiedKFold.Assign(set.Accounts, set.Labels, groupOf ?? (_ => null), evaluation.Folds, evaluation.Seed);
        var scores = new double[set.Count];
        var review = evaluation.EffectiveThresholds.Review;
        var folds = new List<FoldMetrics>(assignment.Folds);
        for (var fold = 0; fold < assignment.Folds; fold++)
        {
            var test = new List<int>();
            var train = new List<int>();
            for (var i = 0; i < set.Count; i++)
            {
                (assignment.FoldOfExample[i] == fold ? test : train).Add(i);
            }

            var ml = new MLContext(training.Seed);
            var (model, _) = ModelFitter.Fit(ml, set.Subset(train), training);
            var view = MlData.Scoring(ml, set.FeatureNames.Count, test.Select(i => set.Features[i]));
            var probabilities = new float[test.Count];
            MlData.ReadProbabilities(model.Transform(view), probabilities);
            for (var t = 0; t < test.Count; t++)
            {
                scores[test[t]] = probabilities[t];
            }

            var foldScores = test.Select(i => scores[i]).ToArray();
            var foldLabels = test.Select(i => set.Labels[i]).ToArray();
            var k = evaluation.PrecisionAtK is { } overallK ? Math.Max(1, (int)Math.Round(overallK * (double)test.Count / set.Count)) : (int?)null;
            folds.Add(new FoldMetrics(
                fold + 1,
                test.Count,
                test.Select(i => assignment.GroupOfExample[i]).Distinct(StringComparer.Ordinal).Count(),
                RankingMetrics.Compute(foldScores, foldLabels, k, review)));
        }

        var overall = RankingMetrics.Compute(scores, set.Labels, evaluation.PrecisionAtK, review);
        var predictions = Enumerable.Range(0, set.Count)
            .Select(i => new OutOfFoldPrediction(set.Accounts[i], set.Labels[i], scores[i], assignment.FoldOfExample[i] + 1))
            .ToList();
        return new CrossValidationResult(overall, folds, predictions, evaluation.Folds, assignment.Folds);
    }
}
