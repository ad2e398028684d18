namespace BehaviorGraph.Scoring.Ml;

internal sealed class ScoringOutput
{
    public float Probability { get; set; }

    public float[] FeatureContributions { get; set; } = [];
}
