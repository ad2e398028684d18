namespace BehaviorGraph.Scoring;

/// <summary>
/// How models are trained. Both classes are weighted to equal total weight, so the calibrated probability reads as
/// risk under a balanced prior rather than the (usually tiny) base rate of abuse in the label set.
/// </summary>
public sealed record TrainingOptions(
    TrainerKind Trainer = TrainerKind.FastTree,
    int Seed = 42,
    int NumberOfTrees = 100,
    int NumberOfLeaves = 16,
    int MinimumExampleCountPerLeaf = 5,
    double LearningRate = 0.1,
    int MinimumLabelsPerClass = TrainingOptions.DefaultMinimumLabelsPerClass)
{
    public const int DefaultMinimumLabelsPerClass = 5;

    public static TrainingOptions Default { get; } = new();

    public static TrainerKind ParseTrainer(string value) => value.Trim().ToLowerInvariant() switch
    {
        "fasttree" => TrainerKind.FastTree,
        "lightgbm" => TrainerKind.LightGbm,
        _ => throw new ArgumentException($"Unknown trainer '{value}'; use fasttree or lightgbm."),
    };

    /// <summary>The settings recorded with a model in the registry.</summary>
    public IReadOnlyDictionary<string, string> ToSettings() => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["trainer"] = TrainerName,
        ["seed"] = Seed.ToString(),
        ["trees"] = NumberOfTrees.ToString(),
        ["leaves"] = NumberOfLeaves.ToString(),
        ["minLeafExamples"] = MinimumExampleCountPerLeaf.ToString(),
        ["learningRate"] = LearningRate.ToString("R"),
        ["classWeights"] = "balanced",
        ["calibration"] = "platt",
    };

    public string TrainerName => Trainer switch
    {
        TrainerKind.LightGbm => "lightgbm",
        _ => "fasttree",
    };

    public void Validate()
    {
        if (NumberOfTrees < 1 || NumberOfLeaves < 2 || MinimumExampleCountPerLeaf < 1 || LearningRate <= 0 || MinimumLabelsPerClass < 2)
        {
            throw new ArgumentException(
                "Training options need trees ≥ 1, leaves ≥ 2, minimum examples per leaf ≥ 1, a positive learning rate and at least 2 labels per class.");
        }
    }
}
