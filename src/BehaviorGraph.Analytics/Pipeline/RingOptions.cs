namespace BehaviorGraph.Analytics.Pipeline;

/// <summary>
/// Spam-ring detection: Louvain communities of the mutual-interaction graph (u and v each follow, message or
/// engage with content of the other), trimmed to their well-connected core and scored on five signals, each in
/// [0, 1]: cohesion (mutual density), reciprocity inside minus outside, signup burst, outreach to strangers and
/// reports received. The score is their weighted mean.
/// </summary>
public sealed record RingOptions
{
    /// <summary>Smallest ring reported (after trimming).</summary>
    public int MinMembers { get; init; } = 5;

    /// <summary>A member keeps its place only with at least this many mutual partners inside the community.</summary>
    public int MinInternalDegree { get; init; } = 2;

    /// <summary>…and at least this share of the community's median internal degree (drops stragglers Louvain attached).</summary>
    public double CoreFraction { get; init; } = 0.25;

    /// <summary>Communities sparser than this mutual density are never rings.</summary>
    public double MinMutualDensity { get; init; } = 0.1;

    /// <summary>Mutual density at which cohesion counts as full (1).</summary>
    public double FullDensity { get; init; } = 0.3;

    /// <summary>
    /// Outreach and reports count as fully suspicious at this multiple of the platform's per-account average (and only
    /// when the excess is also statistically clear for the group's size: see the evidence figures).
    /// </summary>
    public double SaturationRatio { get; init; } = 5.0;

    /// <summary>Smallest score of a reported ring: cohesion and reciprocity alone (0.4) never reach it; a ring also needs burst, outreach or reports.</summary>
    public double MinScore { get; init; } = 0.6;

    /// <summary>
    /// Signup burst: members' first-seen times (10th–90th percentile) spread over this share of the platform's own
    /// spread or more score 0, rising linearly to 1 for a group created at one instant.
    /// </summary>
    public double BurstSpreadFraction { get; init; } = 0.25;

    /// <summary>
    /// Each community is split again by Louvain on its own subgraph (the resolution limit hides small dense groups
    /// glued to a neighbour); a split reaching this modularity replaces the community when one of its parts scores
    /// higher than the whole.
    /// </summary>
    public double SplitModularity { get; init; } = 0.1;

    /// <summary>
    /// …and beats by this margin the modularity Louvain finds in the same group rewired at random (degrees kept): a
    /// dense group without real parts still splits with some modularity by chance.
    /// </summary>
    public double SplitMargin { get; init; } = 0.02;

    /// <summary>Random rewirings of a group tried for that comparison.</summary>
    public int SplitNullTrials { get; init; } = 3;

    public double CohesionWeight { get; init; } = 0.25;

    public double ReciprocityWeight { get; init; } = 0.15;

    public double BurstWeight { get; init; } = 0.2;

    public double OutreachWeight { get; init; } = 0.2;

    public double ReportsWeight { get; init; } = 0.2;

    /// <summary>Louvain resolution on the mutual graph (1 = classic modularity).</summary>
    public double Resolution { get; init; } = 1.0;

    public ulong Seed { get; init; } = 42;
}
