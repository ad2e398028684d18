namespace BehaviorGraph.Synthetic;

/// <summary>
/// One named generator setting: a synthetic platform (<see cref="Platform"/>) or a FRAUDAR protocol run
/// (<see cref="Fraudar"/>) — exactly one of the two is set.
/// </summary>
public sealed record SyntheticScenario
{
    public SyntheticScenario(string name, string description, SyntheticOptions platform)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(platform);
        Name = name;
        Description = description;
        Platform = platform;
    }

    public SyntheticScenario(string name, string description, FraudarProtocolOptions fraudar)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(fraudar);
        Name = name;
        Description = description;
        Fraudar = fraudar;
    }

    public string Name { get; }

    public string Description { get; }

    public SyntheticOptions? Platform { get; }

    public FraudarProtocolOptions? Fraudar { get; }

    public int Seed => Platform?.Seed ?? Fraudar!.Seed;

    /// <summary>True when nothing abusive is planted: the number of reported clusters is the number of false ones.</summary>
    public bool PlantsNoAbuse => Platform?.PlantsNoAbuse ?? false;

    public GenerationSummary Generate(string outputDirectory, IProgress<GenerationProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Platform is not null
            ? SyntheticPlatform.Generate(Platform, outputDirectory, progress, cancellationToken)
            : FraudarProtocol.Generate(Fraudar!, outputDirectory, progress, cancellationToken);

    public override string ToString() => Name;
}
