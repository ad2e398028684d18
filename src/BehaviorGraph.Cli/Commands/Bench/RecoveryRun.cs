using BehaviorGraph.Analytics.Pipeline;
using BehaviorGraph.Synthetic;

namespace BehaviorGraph.Cli.Commands.Bench;

/// <summary>
/// One grid point at one seed: what was generated, how long each step took, and the evaluation: of the analysis after
/// a scoring cycle when one ran (<see cref="Cycle"/>), otherwise of the first analysis; <see cref="FirstAnalysis"/> is
/// always the first analysis's.
/// </summary>
internal sealed record RecoveryRun(
    SyntheticScenario Scenario,
    int Seed,
    long Events,
    int Accounts,
    TimeSpan Generate,
    TimeSpan Ingest,
    TimeSpan Analyze,
    ClusterRecoveryReport Report,
    ClusterRecoveryReport FirstAnalysis,
    string? Cycle,
    TimeSpan CycleTime);
