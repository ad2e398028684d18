namespace BehaviorGraph.Synthetic;

/// <summary>The four attacks of FRAUDAR's evaluation (Hooi et al., KDD 2016 §5): how an engagement block hides.</summary>
public enum BlockCamouflage
{
    /// <summary>Fake accounts that engage only the block's targets.</summary>
    None,

    /// <summary>Fake accounts that also engage targets outside the block chosen uniformly at random.</summary>
    Random,

    /// <summary>Fake accounts that also engage targets outside the block chosen in proportion to their popularity (degree).</summary>
    DegreeBiased,

    /// <summary>Real accounts taken over: their own honest activity is the camouflage.</summary>
    Hijacked,
}
