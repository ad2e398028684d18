namespace BehaviorGraph.Synthetic.Simulation;

/// <summary>A planted abusive cluster: its members (account indices) and the shared identifiers they draw from.</summary>
internal sealed class ClusterPlan(string id, AccountRole kind, int[] members)
{
    public string Id { get; } = id;

    public AccountRole Kind { get; } = kind;

    public int[] Members { get; } = members;

    public int[] DevicePool { get; set; } = [];

    public int[] IpPool { get; set; } = [];

    public int CarefulMembers { get; set; }

    public int SignupBurstDays { get; set; }

    public double InternalDensity { get; set; }

    public int OutreachTargets { get; set; }

    public List<string> JobDescriptions { get; } = [];

    public string Description { get; set; } = "";
}
