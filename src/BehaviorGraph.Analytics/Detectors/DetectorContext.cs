using BehaviorGraph.Analytics.Detectors.Supervision;
using BehaviorGraph.Analytics.Projection;

namespace BehaviorGraph.Analytics.Detectors;

/// <summary>
/// What every detector reads: the platform loaded once into flat arrays, its account projections, the structures
/// several detectors share (built on first use, once per run), and what analysts and the latest scoring run already
/// know (for surfacing groups only, never for features).
/// </summary>
internal sealed class DetectorContext(PlatformData data, PlatformGraphs graphs, AnalystSignals signals)
{
    private AccountIdentifiers? _identifiers;
    private EngagementGraph? _engagement;

    public PlatformData Data { get; } = data;

    public PlatformGraphs Graphs { get; } = graphs;

    public AnalystSignals Signals { get; } = signals;

    /// <summary>Devices and IPs per account, for evidence about shared identifiers.</summary>
    public AccountIdentifiers Identifiers => _identifiers ??= new AccountIdentifiers(Data);

    /// <summary>The account × target engagement graph.</summary>
    public EngagementGraph Engagement => _engagement ??= EngagementGraph.Build(Data, Graphs);
}
