namespace BehaviorGraph.Synthetic.Simulation;

/// <summary>A planted hard negative: unrelated benign accounts piling onto one popular item within an hour.</summary>
internal sealed record ViralBurst(int Content, int Start, int[] Participants);
