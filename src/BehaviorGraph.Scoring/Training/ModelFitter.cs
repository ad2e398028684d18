using BehaviorGraph.Scoring.Ml;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace BehaviorGraph.Scoring.Training;

/// <summary>Fits the calibrated gradient-boosted classifier on a training set with balanced class weights.</summary>
internal static class ModelFitter
{
    /// <summary>The fitted predictor, and the estimator of its feature contributions (top <paramref name="reasons"/> positive, raw score units).</summary>
    public static (ITransformer Predictor, IEstimator<ITransformer> Contributions) Fit(MLContext ml, TrainingSet set, TrainingOptions options, int reasons = 1)
    {
        var positiveWeight = (float)(set.Count / (2.0 * Math.Max(1, set.Positives)));
        var negativeWeight = (float)(set.Count / (2.0 * Math.Max(1, set.Negatives)));
        var rows = new TrainingRow[set.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var abusive = set.Labels[i];
            rows[i] = new TrainingRow { Features = set.Features[i], Label = abusive, Weight = abusive ? positiveWeight : negativeWeight };
        }

        var data = MlData.Training(ml, set.FeatureNames.Count, rows);
        if (options.Trainer == TrainerKind.LightGbm)
        {
            var lightGbm = ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            {
                LabelColumnName = MlData.Label,
                FeatureColumnName = MlData.Features,
                ExampleWeightColumnName = MlData.Weight,
                NumberOfIterations = options.NumberOfTrees,
                NumberOfLeaves = options.NumberOfLeaves,
                MinimumExampleCountPerLeaf = options.MinimumExampleCountPerLeaf,
                LearningRate = options.LearningRate,
                Seed = options.Seed,
                NumberOfThreads = 1,
                Silent = true,
            }).Fit(data);
            return (lightGbm, Contributions(ml, lightGbm, reasons));
        }

        var fastTree = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                LabelColumnName = MlData.Label,
                FeatureColumnName = MlData.Features,
                ExampleWeightColumnName = MlData.Weight,
                NumberOfTrees = options.NumberOfTrees,
                NumberOfLeaves = options.NumberOfLeaves,
                MinimumExampleCountPerLeaf = options.MinimumExampleCountPerLeaf,
                LearningRate = options.LearningRate,
                Seed = options.Seed,
            }).Fit(data);
        return (fastTree, Contributions(ml, fastTree, reasons));
    }

    private static IEstimator<ITransformer> Contributions<TModel>(
        MLContext ml, ISingleFeaturePredictionTransformer<CalibratedModelParametersBase<TModel, PlattCalibrator>> predictor, int reasons)
        where TModel : class, ICalculateFeatureContribution =>
        ml.Transforms.CalculateFeatureContribution(predictor, reasons, numberOfNegativeContributions: 0, normalize: false);
}
