namespace BehaviorGraph.Synthetic.Simulation;

/// <summary>One customer job of a bot cluster: what was done to which target (account or content index), when it started, by how many members.</summary>
internal sealed record BotJob(EventKind Kind, int Target, int Start, int Participants, int LastLag);
