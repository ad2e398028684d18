using BehaviorGraph.Synthetic;

namespace BehaviorGraph.Testing;

/// <summary>
/// One point of <see cref="GeneratorGrid"/>: a named generator setting at the tests' size and seed. Its name is what
/// a theory shows; <see cref="Generate"/> writes it once per test run and hands out the same files afterwards.
/// </summary>
public sealed class GeneratorGridPoint(SyntheticScenario scenario)
{
    public SyntheticScenario Scenario { get; } = scenario;

    public string Name => Scenario.Name;

    public string Description => Scenario.Description;

    /// <summary>True for the FRAUDAR protocol points: like events only, no signups, devices or IPs.</summary>
    public bool IsFraudarProtocol => Scenario.Fraudar is not null;

    /// <summary>True when the point plants no abuse: every reported ring, bot or block cluster on it is false.</summary>
    public bool PlantsNoAbuse => Scenario.PlantsNoAbuse;

    /// <summary>The generated files (events.csv, truth.json, labels.csv for platforms), written on first use and shared by every caller.</summary>
    public GeneratedGridPoint Generate() => GeneratorGrid.Generated(this);

    public override string ToString() => Name;
}
