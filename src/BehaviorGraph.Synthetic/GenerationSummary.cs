namespace BehaviorGraph.Synthetic;

/// <summary>What a generator wrote: <see cref="Protocol"/> is <c>platform</c> (<see cref="SyntheticPlatform"/>) or <c>fraudar</c> (<see cref="FraudarProtocol"/>, which writes no labels).</summary>
public sealed record GenerationSummary(
    string Protocol,
    string EventsPath,
    string? LabelsPath,
    string TruthPath,
    long Events,
    int Accounts,
    int Rings,
    int BotClusters,
    int Farms,
    int Blocks,
    int HardNegatives,
    int LabelledAbusive,
    int LabelledBenign);
