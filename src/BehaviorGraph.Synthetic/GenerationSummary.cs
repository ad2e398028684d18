namespace BehaviorGraph.Synthetic;

/// <summary>What <see cref="SyntheticPlatform.Generate"/> wrote.</summary>
public sealed record GenerationSummary(
    string EventsPath,
    string LabelsPath,
    string TruthPath,
    long Events,
    int Accounts,
    int Rings,
    int BotClusters,
    int LabelledAbusive,
    int LabelledBenign);
