namespace BehaviorGraph.Synthetic.Simulation;

/// <summary>
/// Everything decided before any event is emitted: accounts with their roles, identifiers, communities
/// and popularity; content with owners, times and popularity; the planted clusters.
/// Account indices 0..BenignCount-1 are benign (hijacked block members among them); abusive accounts follow. Public ids are a permutation,
/// so index order never leaks into the files.
/// </summary>
internal sealed class PlatformPlan
{
    public required Timeline Timeline { get; init; }

    public required int Accounts { get; init; }

    public required int BenignCount { get; init; }

    public required int[] PublicId { get; init; }

    public required AccountRole[] Role { get; init; }

    public required int[] Cluster { get; init; }

    public required int[] SignupTs { get; init; }

    /// <summary>Account indices sorted by signup time.</summary>
    public required int[] SignupOrder { get; init; }

    /// <summary>Relative organic activity (mean about 1 for benign accounts).</summary>
    public required float[] Activity { get; init; }

    public required int[] CommunityStart { get; init; }

    public required int[] CommunitySize { get; init; }

    public required bool[] InHousehold { get; init; }

    public required int[] Device1 { get; init; }

    /// <summary>Second device (household tablet or own second device), or -1.</summary>
    public required int[] Device2 { get; init; }

    public required int[] HomeIp { get; init; }

    /// <summary>Carrier NAT / public Wi-Fi address the account sometimes uses, or -1.</summary>
    public required int[] NatIp { get; init; }

    /// <summary>Abusive accounts that draw devices from their cluster's pool.</summary>
    public required bool[] PooledDevice { get; init; }

    /// <summary>Abusive accounts that connect through their cluster's proxy addresses.</summary>
    public required bool[] PooledIp { get; init; }

    public required uint[] IpAddresses { get; init; }

    public required int DeviceCount { get; init; }

    public required PrefixSampler AccountPopularity { get; init; }

    /// <summary>Content in creation order; content index i has public id c{i+1}.</summary>
    public required int[] ContentOwner { get; init; }

    public required int[] ContentTs { get; init; }

    public required PrefixSampler ContentPopularity { get; init; }

    public required double[] ContentWeight { get; init; }

    /// <summary>For day d, the number of content items created before the start of day d (length TotalDays + 1).</summary>
    public required int[] ContentBeforeDay { get; init; }

    public required List<ClusterPlan> Clusters { get; init; }

    /// <summary>Careful ring members who lead an ordinary life besides the ring's work (organic sessions, posts others see).</summary>
    public required bool[] Covered { get; init; }

    public required List<FriendGroup> FriendGroups { get; init; }

    /// <summary>True for benign accounts and for careful ring members with cover: the accounts that live an ordinary social life.</summary>
    public bool LeadsOrdinaryLife(int account) => Role[account] == AccountRole.Benign || Covered[account];

    /// <summary>True for members of any planted abusive cluster, hijacked block members included.</summary>
    public bool IsPlantedAbuser(int account) => Cluster[account] >= 0;

    public int CountContentBefore(int ts)
    {
        int index = Array.BinarySearch(ContentTs, ts);
        if (index < 0)
        {
            return ~index;
        }

        while (index > 0 && ContentTs[index - 1] == ts)
        {
            index--;
        }

        return index;
    }

    /// <summary>The device and IP an account uses for one action.</summary>
    public (int Device, int Ip) Identity(int account, Pcg32 rng)
    {
        int device;
        int ip;
        if (PooledDevice[account])
        {
            int[] pool = Clusters[Cluster[account]].DevicePool;
            device = rng.Chance(0.8) ? Device1[account] : pool[rng.Next(pool.Length)];
        }
        else
        {
            device = Device2[account] >= 0 && rng.Chance(0.25) ? Device2[account] : Device1[account];
        }

        if (PooledIp[account])
        {
            int[] pool = Clusters[Cluster[account]].IpPool;
            ip = pool[rng.Next(pool.Length)];
        }
        else
        {
            ip = NatIp[account] >= 0 && rng.Chance(0.45) ? NatIp[account] : HomeIp[account];
        }

        return (device, ip);
    }
}
