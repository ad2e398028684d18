namespace BehaviorGraph.Analytics.Detectors.Rings;

/// <summary>
/// Spam-ring detection (<see cref="RingDetector"/>): Louvain communities of the mutual-interaction graph (u and v each
/// follow, message or engage with content of the other), trimmed to their well-connected core and scored on five
/// signals, each in [0, 1]: cohesion (mutual density), reciprocity inside minus outside, signup burst, outreach to
/// strangers and reports received. The score is their weighted mean (the weights divided by their sum).
/// </summary>
public sealed record RingParameters
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

    /// <summary>Times a part is split again (a ring glued to a neighbour, glued to another…) before it is taken as it is.</summary>
    public int MaxSplitDepth { get; init; } = 3;

    /// <summary>Rounds of trimming (drop members below the internal-degree bar, measure again) before a core is taken as it is.</summary>
    public int MaxTrimRounds { get; init; } = 20;

    /// <summary>Weight of cohesion (mutual density against <see cref="FullDensity"/>) in the score.</summary>
    public double CohesionWeight { get; init; } = 0.25;

    /// <summary>Weight of reciprocity inside the group minus reciprocity with accounts outside it.</summary>
    public double ReciprocityWeight { get; init; } = 0.15;

    /// <summary>Weight of the signup burst (see <see cref="BurstSpreadFraction"/>).</summary>
    public double BurstWeight { get; init; } = 0.2;

    /// <summary>Weight of unanswered outreach to strangers, against the platform's per-account average.</summary>
    public double OutreachWeight { get; init; } = 0.2;

    /// <summary>Weight of reports received, against the platform's per-account average.</summary>
    public double ReportsWeight { get; init; } = 0.2;

    /// <summary>
    /// Cores that do not score as rings are surfaced as rings when far more of their members are labelled abusive, or
    /// were flagged by the latest scoring run, than the platform's rate predicts: at this chance, Bonferroni-corrected
    /// over the cores examined.
    /// </summary>
    public double SurfacingSignificance { get; init; } = 0.01;

    /// <summary>Louvain resolution on the mutual graph (1 = classic modularity).</summary>
    public double Resolution { get; init; } = 1.0;

    /// <summary>Seed of Louvain's node order and of the rewirings.</summary>
    public ulong Seed { get; init; } = 42;
}
