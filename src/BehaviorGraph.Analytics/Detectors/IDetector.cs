using BehaviorGraph.Core.Features;

namespace BehaviorGraph.Analytics.Detectors;

/// <summary>
/// One detector of an analysis run: built with its parameters record, it reads the loaded platform and its
/// projections (<see cref="DetectorContext"/>) and gives back clusters with their evidence and the per-account
/// feature columns it owns (<see cref="DetectorOutput"/>). A new detector is a folder under <c>Detectors/</c> with its
/// detector, parameters and result, and one line in <see cref="Pipeline.AnalysisDetectors"/>.
/// </summary>
internal interface IDetector
{
    /// <summary>Short name in the detectors' timing line ("rings").</summary>
    string Name { get; }

    /// <summary>
    /// The columns of <see cref="AccountFeatures"/> this detector computes, and no other detector nor the feature
    /// builder does. Its output holds exactly these.
    /// </summary>
    IReadOnlyList<FeatureDefinition> Features { get; }

    /// <summary>
    /// Whether its clusters find the same groups as other such detectors from different evidence, so that each of its
    /// clusters names the other detectors' clusters it shares members with (<see cref="ClusterOverlaps"/>).
    /// </summary>
    bool CrossReferencesOverlaps { get; }

    DetectorOutput Run(DetectorContext context, CancellationToken cancellationToken);
}
