using BehaviorGraph.Analytics.Projection;

namespace BehaviorGraph.Analytics.Pipeline.State;

/// <summary>
/// What an analysis run keeps for the next one to continue from: the platform it loaded (events and aggregated edges
/// through <see cref="PlatformData.EventSequence"/>), each detector's own state, and the fingerprint of the settings
/// it ran with (a run with other settings starts over).
/// </summary>
internal sealed record AnalysisState(long RunId, string SettingsFingerprint, PlatformData Data, IReadOnlyDictionary<string, byte[]> DetectorStates);
