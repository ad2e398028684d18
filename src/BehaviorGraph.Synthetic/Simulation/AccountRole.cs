namespace BehaviorGraph.Synthetic.Simulation;

internal enum AccountRole : byte
{
    Benign,
    Ring,
    Bot,
}
