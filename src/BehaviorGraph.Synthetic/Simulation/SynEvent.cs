namespace BehaviorGraph.Synthetic.Simulation;

/// <summary>
/// One generated event in compact form. <see cref="Target"/> is an account index for account-target kinds,
/// a content index for content-target kinds, and -1 for signup/login. Times are seconds from the generation epoch.
/// </summary>
internal struct SynEvent
{
    public int Ts;
    public int Seq;
    public int Actor;
    public int Target;
    public int Device;
    public int Ip;
    public EventKind Kind;
    public sbyte Value;
}
