using BehaviorGraph.Analytics.Pipeline.State;

namespace BehaviorGraph.Analytics.Pipeline;

/// <summary>
/// How to run an analysis: with <see cref="State"/>, a run continues the previous one incrementally when that run's
/// state is there and matches, and leaves its own state for the next; <see cref="Full"/> forces a full run (which still
/// leaves its state). Without a state file every run is full and leaves nothing.
/// </summary>
public sealed record AnalysisRequest(AnalysisStateFile? State, bool Full)
{
    public static AnalysisRequest Stateless { get; } = new(null, true);
}
