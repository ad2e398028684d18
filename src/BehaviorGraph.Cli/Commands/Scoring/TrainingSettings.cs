using System.ComponentModel;
using BehaviorGraph.Scoring;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands.Scoring;

/// <summary>The options `train` and `evaluate` share: labels file, trainer, folds and the per-class label minimum.</summary>
public abstract class TrainingSettings : ThresholdSettings
{
    [CommandOption("--labels <FILE>")]
    [Description("Labels CSV (account,label with abusive|benign). train imports it into the label store (once per file content: training again on the same file adds nothing) and trains on every account's latest label; evaluate only reads it. Default: the label store's latest labels.")]
    public string? Labels { get; init; }

    [CommandOption("--trainer <NAME>")]
    [Description("fasttree (default) or lightgbm.")]
    [DefaultValue("fasttree")]
    public string Trainer { get; init; } = "fasttree";

    [CommandOption("--folds <K>")]
    [Description("Cross-validation folds; accounts sharing a cluster stay in one fold.")]
    [DefaultValue(EvaluationOptions.DefaultFolds)]
    public int Folds { get; init; } = EvaluationOptions.DefaultFolds;

    [CommandOption("--min-labels <N>")]
    [Description("Fewest labels of each class accepted.")]
    [DefaultValue(TrainingOptions.DefaultMinimumLabelsPerClass)]
    public int MinLabels { get; init; } = TrainingOptions.DefaultMinimumLabelsPerClass;

    /// <summary>The trainer and label minimum these options ask for.</summary>
    public TrainingOptions Training => TrainingOptions.Default with
    {
        Trainer = TrainingOptions.ParseTrainer(Trainer),
        MinimumLabelsPerClass = MinLabels,
    };

    public override ValidationResult Validate() =>
        Folds < 2 ? ValidationResult.Error("--folds must be at least 2.")
        : Trainer.Trim().ToLowerInvariant() is not ("fasttree" or "lightgbm") ? ValidationResult.Error($"--trainer '{Trainer}' is unknown; use fasttree or lightgbm.")
        : base.Validate();
}
