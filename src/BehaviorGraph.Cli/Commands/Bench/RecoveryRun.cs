using BehaviorGraph.Analytics.Pipeline;
using BehaviorGraph.Synthetic;

namespace BehaviorGraph.Cli.Commands.Bench;

/// <summary>One grid point at one seed: what was generated, how long each step took, and the evaluation.</summary>
internal sealed record RecoveryRun(
    SyntheticScenario Scenario,
    int Seed,
    long Events,
    int Accounts,
    TimeSpan Generate,
    TimeSpan Ingest,
    TimeSpan Analyze,
    ClusterRecoveryReport Report);
