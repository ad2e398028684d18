namespace BehaviorGraph.Scoring.Ml;

internal sealed class ScoringInput
{
    public float[] Features { get; set; } = [];
}
