namespace BehaviorGraph.Synthetic.Simulation;

internal enum AccountRole : byte
{
    Benign,
    Ring,
    Bot,

    /// <summary>An emulator account of a data-centre farm.</summary>
    Farm,

    /// <summary>A fake account created to sell engagement in a block (hijacked block members stay <see cref="Benign"/>).</summary>
    Block,
}
