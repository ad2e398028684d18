namespace BehaviorGraph.Synthetic.Simulation;

/// <summary>A planted abusive cluster: its members (account indices), the shared identifiers they draw from, and what the simulators did.</summary>
internal sealed class ClusterPlan(string id, AccountRole kind, int[] members)
{
    public string Id { get; } = id;

    /// <summary>The kind of abuse; hijacked engagement blocks are <see cref="AccountRole.Block"/> although their members are benign accounts.</summary>
    public AccountRole Kind { get; } = kind;

    public int[] Members { get; } = members;

    public int[] DevicePool { get; set; } = [];

    public int[] IpPool { get; set; } = [];

    public int CarefulMembers { get; set; }

    /// <summary>Days over which the members signed up (rings, farms).</summary>
    public int SignupBurstDays { get; set; }

    public double InternalDensity { get; set; }

    public int OutreachTargets { get; set; }

    /// <summary>Bot clusters: seconds over which one job's members act.</summary>
    public int JobSpreadSeconds { get; set; }

    public List<BotJob> Jobs { get; } = [];

    /// <summary>Engagement blocks: the targets, as <see cref="BlockTarget"/> values.</summary>
    public List<BlockTarget> Targets { get; } = [];

    /// <summary>Engagement blocks: targets drawn for the block, before those nobody engaged were dropped (the density's denominator).</summary>
    public int PlannedTargets { get; set; }

    /// <summary>Engagement blocks: members are hijacked benign accounts.</summary>
    public bool Hijacked { get; set; }

    public int PlantedEngagements { get; set; }

    public int CamouflageEngagements { get; set; }

    public string Description { get; set; } = "";
}
