namespace BehaviorGraph.Synthetic.Simulation;

/// <summary>A target of an engagement block: an account index (followed) or a content index (liked).</summary>
internal readonly record struct BlockTarget(bool IsAccount, int Index);
