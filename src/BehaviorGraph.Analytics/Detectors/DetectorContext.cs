using BehaviorGraph.Analytics.Detectors.Supervision;
using BehaviorGraph.Analytics.Projection;

namespace BehaviorGraph.Analytics.Detectors;

/// <summary>
/// What every detector reads: the platform loaded once into flat arrays, its account projections, the structures
/// several detectors share (built on first use, once per run, also when detectors running side by side ask at once),
/// and what analysts and the latest scoring run already know (for surfacing groups only, never for features). In an
/// incremental run, <see cref="Previous"/> says what changed since the previous run; it is null in a full run.
/// </summary>
internal sealed class DetectorContext
{
    private readonly Lazy<AccountIdentifiers> _identifiers;
    private readonly Lazy<EngagementGraph> _engagement;

    public DetectorContext(PlatformData data, PlatformGraphs graphs, AnalystSignals signals, IncrementalScope? previous = null)
    {
        Data = data;
        Graphs = graphs;
        Signals = signals;
        Previous = previous;
        _identifiers = new(() => new AccountIdentifiers(data), LazyThreadSafetyMode.ExecutionAndPublication);
        _engagement = new(() => EngagementGraph.Build(data, graphs), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public PlatformData Data { get; }

    public PlatformGraphs Graphs { get; }

    public AnalystSignals Signals { get; }

    /// <summary>What changed since the previous complete run; null in a full run.</summary>
    public IncrementalScope? Previous { get; }

    /// <summary>Devices and IPs per account, for evidence about shared identifiers.</summary>
    public AccountIdentifiers Identifiers => _identifiers.Value;

    /// <summary>The account × target engagement graph.</summary>
    public EngagementGraph Engagement => _engagement.Value;
}
