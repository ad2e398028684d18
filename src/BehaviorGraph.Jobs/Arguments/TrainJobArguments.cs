using BehaviorGraph.Scoring;

namespace BehaviorGraph.Jobs.Arguments;

/// <summary>
/// The <c>train</c> job's arguments, with their defaults: the trainer, cross-validation folds, the per-class label
/// minimum, the promotion gate, and whether to train although no label is newer than the promoted model.
/// </summary>
public sealed record TrainJobArguments(string Trainer, int Folds, int MinLabels, bool Force, double MinAuc, double AuprcTolerance)
{
    /// <summary>The defaults are the scoring library's own: fasttree, its folds, label minimum and promotion gate.</summary>
    public static TrainJobArguments Default { get; } = new(
        "fasttree",
        EvaluationOptions.Default.Folds,
        TrainingOptions.Default.MinimumLabelsPerClass,
        false,
        PromotionGateOptions.Default.MinimumAuc,
        PromotionGateOptions.Default.AuprcTolerance);

    public static TrainJobArguments From(IReadOnlyDictionary<string, string> arguments)
    {
        JobCatalog.Validate(JobNames.Train, arguments);
        var defaults = Default;
        return new TrainJobArguments(
            JobArgumentValues.Text(arguments, "trainer", defaults.Trainer),
            JobArgumentValues.Integer(arguments, "folds", defaults.Folds),
            JobArgumentValues.Integer(arguments, "minLabels", defaults.MinLabels),
            JobArgumentValues.Flag(arguments, "force", defaults.Force),
            JobArgumentValues.Number(arguments, "minAuc", defaults.MinAuc),
            JobArgumentValues.Number(arguments, "auprcTolerance", defaults.AuprcTolerance));
    }

    public TrainingOptions ToTrainingOptions() => TrainingOptions.Default with
    {
        Trainer = TrainingOptions.ParseTrainer(Trainer),
        MinimumLabelsPerClass = MinLabels,
    };

    public EvaluationOptions ToEvaluationOptions() => new(Folds);

    public PromotionGateOptions ToGateOptions() => new(AuprcTolerance, MinAuc);
}
