namespace BehaviorGraph.Analytics.Detectors.Blocks;

/// <summary>
/// A block after refinement: accounts and targets (graph node ids), the edges between them and the number the
/// members' degrees predict. <see cref="Surprise"/> is the Poisson log-likelihood ratio of that many edges against
/// the prediction, in nats (−ln of the chance bound): the block's strength, comparable across sizes.
/// </summary>
internal sealed record RefinedBlock(int[] Accounts, int[] Targets, long Edges, double ExpectedEdges)
{
    /// <summary>Edges above the prediction per member (accounts and targets): the degree-corrected density.</summary>
    public double ExcessDensity => Accounts.Length + Targets.Length == 0 ? 0 : (Edges - ExpectedEdges) / (Accounts.Length + Targets.Length);

    public double Lift => ExpectedEdges <= 0 ? 0 : Edges / ExpectedEdges;

    public double Surprise => Edges <= ExpectedEdges || ExpectedEdges <= 0 ? 0 : (Edges * Math.Log(Edges / ExpectedEdges)) - Edges + ExpectedEdges;
}
