namespace BehaviorGraph.Analytics.Detectors.Blocks;

/// <summary>
/// What a block is, measured against the platform: sizes, density, lift and surprise (edges against what the members'
/// degrees predict), the peel's degree-corrected density, answered share, camouflage, time span.
/// </summary>
internal sealed record BlockMeasurement(
    int[] Accounts,
    int[] Targets,
    int ContentTargets,
    int AccountTargets,
    long Edges,
    double Density,
    double BackgroundDensity,
    double Lift,
    double Surprise,
    double ExcessDensity,
    double G,
    long AnswerableEdges,
    double AnsweredShare,
    double PlatformAnsweredShare,
    double CamouflageShare,
    long SpanMs)
{
    public int TargetCount => Targets.Length;

    /// <summary>
    /// The targets' owners engage the block's accounts back far more than the platform's owners engage their audience
    /// (at least twice the platform's share, and 3 standard deviations above it): a mutual community, the business of
    /// the ring detector, not one-way bought engagement.
    /// </summary>
    public bool IsReciprocated
    {
        get
        {
            if (AnswerableEdges == 0)
            {
                return false;
            }

            var p = Math.Clamp(PlatformAnsweredShare, 1e-6, 1 - 1e-6);
            var z = (AnsweredShare - p) * Math.Sqrt(AnswerableEdges / (p * (1 - p)));
            return AnsweredShare >= 2 * p && z >= 3;
        }
    }
}
