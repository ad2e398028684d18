namespace BehaviorGraph.Synthetic.Simulation;

/// <summary>A written label; <see cref="Abusive"/> is what the file says, which label noise may have flipped.</summary>
internal readonly record struct AccountLabel(int Account, bool Abusive);
