using BehaviorGraph.Scoring.Evaluation;
using BehaviorGraph.Scoring.Scoring;
using BehaviorGraph.Scoring.Training;

namespace BehaviorGraph.Scoring.Reporting;

/// <summary>
/// Permutation importance on a labelled set: each feature's column is shuffled (seeded) and the model re-scored;
/// the importance is the AUC lost. Features the model ignores score 0.
/// </summary>
public static class PermutationImportance
{
    public static IReadOnlyList<FeatureImportance> Compute(ScoringModel model, TrainingSet set, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(set);
        model.EnsureCompatible(set.FeatureNames);
        var baseline = RankingMetrics.Auc(ToDouble(model.Probabilities(set.Features)), set.Labels) ?? 0.5;
        var random = new Random(seed);
        var result = new List<FeatureImportance>(set.FeatureNames.Count);
        for (var feature = 0; feature < set.FeatureNames.Count; feature++)
        {
            var permutation = Enumerable.Range(0, set.Count).ToArray();
            random.Shuffle(permutation);
            var shuffled = new float[set.Count][];
            for (var i = 0; i < set.Count; i++)
            {
                shuffled[i] = (float[])set.Features[i].Clone();
                shuffled[i][feature] = set.Features[permutation[i]][feature];
            }

            var auc = RankingMetrics.Auc(ToDouble(model.Probabilities(shuffled)), set.Labels) ?? 0.5;
            result.Add(new FeatureImportance(set.FeatureNames[feature], baseline - auc));
        }

        return result.OrderByDescending(f => f.AucDrop).ThenBy(f => f.Feature, StringComparer.Ordinal).ToList();
    }

    private static double[] ToDouble(float[] values) => Array.ConvertAll(values, v => (double)v);
}
