using BehaviorGraph.Core.Labels;
using BehaviorGraph.Core.Scoring;

namespace BehaviorGraph.Analytics.Detectors.Supervision;

/// <summary>
/// What the platform already knows about its accounts, by account key: each labelled account's latest verdict, and
/// the latest published scoring run's decisions. Used only to surface groups for analysts — never as a feature, so
/// nothing a model said or an analyst decided feeds back into what the next model learns from.
/// </summary>
public sealed class AnalystSignals
{
    /// <param name="labels">Every labelled account's latest label.</param>
    /// <param name="flagged">The latest scoring run's scores that were not "allow".</param>
    /// <param name="scoredAccounts">Accounts that run scored.</param>
    /// <param name="modelVersion">The model that scored them.</param>
    public AnalystSignals(IReadOnlyList<AccountLabel> labels, IReadOnlyList<AccountScore> flagged, long scoredAccounts, string? modelVersion)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(flagged);
        Labels = labels.ToDictionary(l => l.Account, l => l.Label, StringComparer.Ordinal);
        Flagged = flagged.Where(s => s.Decision != Decision.Allow).Select(s => s.Account).ToHashSet(StringComparer.Ordinal);
        ScoredAccounts = scoredAccounts;
        ModelVersion = modelVersion;
    }

    public static AnalystSignals None { get; } = new([], [], 0, null);

    public IReadOnlyDictionary<string, LabelKind> Labels { get; }

    /// <summary>Accounts the latest scoring run sent to review or blocked.</summary>
    public IReadOnlySet<string> Flagged { get; }

    public long ScoredAccounts { get; }

    public string? ModelVersion { get; }

    public bool IsEmpty => Labels.Count == 0 && ScoredAccounts == 0;
}
