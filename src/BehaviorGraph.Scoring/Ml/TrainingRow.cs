namespace BehaviorGraph.Scoring.Ml;

internal sealed class TrainingRow
{
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }

    public float Weight { get; set; }
}
