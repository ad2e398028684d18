using BehaviorGraph.Scoring.Ml;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace BehaviorGraph.Scoring.Training;

/// <summary>Trains the classifier on a whole training set; seeded, so the same data and options give the same model.</summary>
public sealed class ScoringModelTrainer(TrainingOptions options)
{
    /// <summary>How many positive contributions the saved model reports per account (the most reasons a score can carry).</summary>
    public const int MaxReasons = 10;

    public TrainedModel Train(TrainingSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        options.Validate();
        set.EnsureEnough(options.MinimumLabelsPerClass);
        var ml = new MLContext(options.Seed);
        var featureCount = set.FeatureNames.Count;
        var (predictor, contributionEstimator) = ModelFitter.Fit(ml, set, options, Math.Min(MaxReasons, featureCount));
        var schemaView = MlData.Scoring(ml, featureCount, []);
        var contributions = contributionEstimator.Fit(predictor.Transform(schemaView));
        var chain = new TransformerChain<ITransformer>(predictor, contributions);
        using var stream = new MemoryStream();
        ml.Model.Save(chain, schemaView.Schema, stream);
        return new TrainedModel(set.FeatureNames.ToArray(), stream.ToArray());
    }
}
