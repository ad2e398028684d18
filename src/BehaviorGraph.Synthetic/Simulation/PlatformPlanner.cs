namespace BehaviorGraph.Synthetic.Simulation;

/// <summary>Draws the <see cref="PlatformPlan"/> for a set of options (random stream 1).</summary>
internal static class PlatformPlanner
{
    public static PlatformPlan Build(SyntheticOptions options)
    {
        var rng = new Pcg32(options.Seed, 1);
        var timeline = new Timeline(options.WindowStart, options.SignupDays, options.ActivityDays);
        int n = options.Accounts;

        int[] ringSizes = ClusterSizing.Draw(rng, n, options.RingsPer10kAccounts, ClusterSizing.RingSizes);
        int[] botSizes = ClusterSizing.Draw(rng, n, options.BotClustersPer10kAccounts, ClusterSizing.BotSizes);
        int[] farmSizes = ClusterSizing.Draw(rng, n, options.FarmsPer10kAccounts, options.FarmSize);
        int[] blockSizes = ClusterSizing.Draw(rng, n, options.BlocksPer10kAccounts, options.BlockAccounts);
        bool hijacked = options.BlockCamouflage == BlockCamouflage.Hijacked;
        int abusive = ringSizes.Sum() + botSizes.Sum() + farmSizes.Sum() + (hijacked ? 0 : blockSizes.Sum());
        int benign = n - abusive;

        var publicId = new int[n];
        for (int i = 0; i < n; i++)
        {
            publicId[i] = i + 1;
        }

        rng.Shuffle(publicId);

        var role = new AccountRole[n];
        var cluster = new int[n];
        Array.Fill(cluster, -1);
        var signupTs = new int[n];
        var activity = new float[n];
        var communityStart = new int[n];
        var communitySize = new int[n];
        var inHousehold = new bool[n];
        var device1 = new int[n];
        var device2 = new int[n];
        var homeIp = new int[n];
        var natIp = new int[n];
        var pooledDevice = new bool[n];
        var pooledIp = new bool[n];
        var covered = new bool[n];
        var popularity = new double[n];
        Array.Fill(device2, -1);
        Array.Fill(homeIp, -1);
        Array.Fill(natIp, -1);

        var ips = new IpAllocator();
        int devices = 0;

        int[] natPool = new int[Math.Max(1, n / 500)];
        for (int i = 0; i < natPool.Length; i++)
        {
            natPool[i] = ips.CarrierNat();
        }

        // Benign population: communities, households, devices, home and carrier IPs.
        int position = 0;
        while (position < benign)
        {
            int size = Math.Min(benign - position, Math.Clamp((int)Math.Round(Math.Exp(Math.Log(30) + (0.8 * rng.Normal()))), 5, 300));
            for (int i = position; i < position + size; i++)
            {
                communityStart[i] = position;
                communitySize[i] = size;
            }

            int member = position;
            while (member < position + size)
            {
                int remaining = position + size - member;
                if (remaining >= 2 && rng.Chance(0.07))
                {
                    int household = Math.Min(remaining, rng.Next(2, 6));
                    int sharedDevice = devices++;
                    int sharedIp = ips.Residential();
                    for (int h = member; h < member + household; h++)
                    {
                        device1[h] = devices++;
                        device2[h] = sharedDevice;
                        homeIp[h] = sharedIp;
                        inHousehold[h] = true;
                    }

                    member += household;
                }
                else
                {
                    device1[member] = devices++;
                    device2[member] = rng.Chance(0.3) ? devices++ : -1;
                    homeIp[member] = ips.Residential();
                    member++;
                }
            }

            position += size;
        }

        const double sigma = 0.9;
        for (int i = 0; i < benign; i++)
        {
            if (rng.Chance(0.5))
            {
                natIp[i] = natPool[rng.Next(natPool.Length)];
            }

            activity[i] = (float)Math.Exp((sigma * rng.Normal()) - (sigma * sigma / 2));
            popularity[i] = rng.Pareto(1.2, 5_000);
            signupTs[i] = (rng.Next(timeline.SignupDays) * Timeline.Day) + Diurnal.HumanSecondOfDay(rng);
        }

        var clusters = new List<ClusterPlan>(ringSizes.Length + botSizes.Length + farmSizes.Length + blockSizes.Length);
        int next = benign;
        for (int r = 0; r < ringSizes.Length; r++)
        {
            int[] members = Range(next, ringSizes[r]);
            next += members.Length;
            var plan = new ClusterPlan($"ring-{r + 1}", AccountRole.Ring, members);
            clusters.Add(plan);

            int burstDays = rng.Next(options.RingSignupDays.Min, options.RingSignupDays.Max + 1);
            int burstStartDay = timeline.SignupDays - rng.Next(burstDays, Math.Max(burstDays, Math.Min(21, timeline.SignupDays)) + 1);
            plan.SignupBurstDays = burstDays;
            plan.CarefulMembers = (int)Math.Ceiling(options.CarefulRingFraction * members.Length);
            plan.DevicePool = NewDevices(ref devices, Math.Max(2, (members.Length - plan.CarefulMembers) / 5));
            plan.IpPool = NewProxies(ips, rng.Next(2, 6));
            for (int k = 0; k < members.Length; k++)
            {
                int account = members[k];
                Abusive(account, AccountRole.Ring, clusters.Count - 1);
                signupTs[account] = (burstStartDay * Timeline.Day) + rng.Next(burstDays * Timeline.Day);
                if (k < plan.CarefulMembers)
                {
                    device1[account] = devices++;
                    homeIp[account] = ips.Residential();
                    if (options.CarefulRingCover > 0)
                    {
                        // An ordinary life: a phone on the carrier's NAT now and then, sometimes a second device, a
                        // benign-like audience and activity scaled by the cover setting.
                        covered[account] = true;
                        natIp[account] = rng.Chance(0.5) ? natPool[rng.Next(natPool.Length)] : -1;
                        device2[account] = rng.Chance(0.3) ? devices++ : -1;
                        activity[account] = (float)(options.CarefulRingCover * Math.Exp((sigma * rng.Normal()) - (sigma * sigma / 2)));
                        popularity[account] = rng.Pareto(1.2, 5_000);
                    }
                }
                else
                {
                    pooledDevice[account] = true;
                    pooledIp[account] = true;
                    device1[account] = plan.DevicePool[rng.Next(plan.DevicePool.Length)];
                }
            }
        }

        for (int b = 0; b < botSizes.Length; b++)
        {
            int[] members = Range(next, botSizes[b]);
            next += members.Length;
            var plan = new ClusterPlan($"bot-{b + 1}", AccountRole.Bot, members);
            clusters.Add(plan);
            plan.DevicePool = NewDevices(ref devices, Math.Max(2, members.Length / 8));
            plan.IpPool = NewProxies(ips, rng.Next(2, 5));
            foreach (int account in members)
            {
                Abusive(account, AccountRole.Bot, clusters.Count - 1);
                activity[account] = (float)(0.5 * Math.Exp((0.5 * rng.Normal()) - 0.125));
                signupTs[account] = rng.Next(timeline.SignupDays * Timeline.Day * 3 / 4);
                if (rng.Chance(0.4))
                {
                    pooledDevice[account] = true;
                    device1[account] = plan.DevicePool[rng.Next(plan.DevicePool.Length)];
                }
                else
                {
                    device1[account] = devices++;
                }

                if (rng.Chance(0.5))
                {
                    pooledIp[account] = true;
                }
                else
                {
                    homeIp[account] = ips.Residential();
                }
            }
        }

        for (int f = 0; f < farmSizes.Length; f++)
        {
            int[] members = Range(next, farmSizes[f]);
            next += members.Length;
            var plan = new ClusterPlan($"farm-{f + 1}", AccountRole.Farm, members);
            clusters.Add(plan);
            plan.IpPool = NewProxies(ips, rng.Next(options.FarmIps.Min, options.FarmIps.Max + 1));
            int spread = rng.Next(options.FarmSignupDays.Min, options.FarmSignupDays.Max + 1);
            int startDay = rng.Next(timeline.SignupDays - spread + 1);
            plan.SignupBurstDays = spread;
            foreach (int account in members)
            {
                // Every emulator has its own device id; what they share is the data centre's few addresses.
                Abusive(account, AccountRole.Farm, clusters.Count - 1);
                device1[account] = devices++;
                pooledIp[account] = true;
                activity[account] = 1;
                signupTs[account] = (startDay * Timeline.Day) + rng.Next(spread * Timeline.Day);
            }
        }

        var taken = new HashSet<int>();
        for (int k = 0; k < blockSizes.Length; k++)
        {
            int[] members;
            if (hijacked)
            {
                members = new int[blockSizes[k]];
                for (int m = 0; m < members.Length; m++)
                {
                    int account;
                    do
                    {
                        account = rng.Next(benign);
                    }
                    while (!taken.Add(account));
                    members[m] = account;
                }
            }
            else
            {
                members = Range(next, blockSizes[k]);
                next += members.Length;
            }

            var plan = new ClusterPlan($"block-{k + 1}", AccountRole.Block, members) { Hijacked = hijacked };
            clusters.Add(plan);
            foreach (int account in members)
            {
                if (hijacked)
                {
                    cluster[account] = clusters.Count - 1;
                    continue;
                }

                // Aged fake accounts bought in bulk: signed up over the whole period, each on its own device and address.
                Abusive(account, AccountRole.Block, clusters.Count - 1);
                device1[account] = devices++;
                homeIp[account] = ips.Residential();
                activity[account] = 0.3f;
                signupTs[account] = rng.Next(timeline.SignupDays * Timeline.Day);
            }
        }

        List<FriendGroup> friendGroups = PlanFriendGroups(rng, options, timeline, benign, communityStart, communitySize, cluster, signupTs);

        int[] signupOrder = Range(0, n);
        Array.Sort(signupTs.Select((ts, i) => ((long)ts << 32) | (uint)i).ToArray(), signupOrder);

        var content = BuildContent(rng, timeline, benign, activity, popularity, covered, clusters);

        return new PlatformPlan
        {
            Timeline = timeline,
            Accounts = n,
            BenignCount = benign,
            PublicId = publicId,
            Role = role,
            Cluster = cluster,
            SignupTs = signupTs,
            SignupOrder = signupOrder,
            Activity = activity,
            CommunityStart = communityStart,
            CommunitySize = communitySize,
            InHousehold = inHousehold,
            Device1 = device1,
            Device2 = device2,
            HomeIp = homeIp,
            NatIp = natIp,
            PooledDevice = pooledDevice,
            PooledIp = pooledIp,
            IpAddresses = ips.ToArray(),
            DeviceCount = devices,
            AccountPopularity = new PrefixSampler(popularity),
            ContentOwner = content.Owner,
            ContentTs = content.Ts,
            ContentWeight = content.Weight,
            ContentPopularity = new PrefixSampler(content.Weight),
            ContentBeforeDay = content.BeforeDay,
            Clusters = clusters,
            Covered = covered,
            FriendGroups = friendGroups,
        };

        void Abusive(int account, AccountRole kind, int clusterIndex)
        {
            role[account] = kind;
            cluster[account] = clusterIndex;
            popularity[account] = 0.3;
        }
    }

    private static List<FriendGroup> PlanFriendGroups(
        Pcg32 rng, SyntheticOptions options, Timeline timeline, int benign, int[] communityStart, int[] communitySize, int[] cluster, int[] signupTs)
    {
        var groups = new List<FriendGroup>();
        if (options.FriendGroupsPer10kAccounts <= 0 || benign == 0)
        {
            return groups;
        }

        int wanted = Math.Max(1, (int)Math.Round(options.Accounts * options.FriendGroupsPer10kAccounts / 10_000));
        var used = new bool[benign];
        for (int g = 0; g < wanted; g++)
        {
            int size = rng.Next(options.FriendGroupSize.Min, options.FriendGroupSize.Max + 1);
            // A group is a run of accounts inside one benign community (so its members also have the community's
            // looser ties); communities too small for the group, or runs that touch another group or a hijacked
            // account, are skipped, and the platform gets fewer groups when none fits.
            for (int attempt = 0; attempt < 64; attempt++)
            {
                int anchor = rng.Next(benign);
                int start = communityStart[anchor];
                int length = communitySize[anchor];
                if (length < size)
                {
                    continue;
                }

                int first = start + rng.Next(length - size + 1);
                bool free = true;
                for (int a = first; a < first + size && free; a++)
                {
                    free = !used[a] && cluster[a] < 0;
                }

                if (!free)
                {
                    continue;
                }

                int[] members = Range(first, size);
                foreach (int member in members)
                {
                    used[member] = true;
                }

                bool together = rng.Chance(0.5);
                int days = 0;
                if (together)
                {
                    days = rng.Next(1, 8);
                    int startDay = rng.Next(timeline.SignupDays - days + 1);
                    foreach (int member in members)
                    {
                        signupTs[member] = (startDay * Timeline.Day) + rng.Next(days * Timeline.Day);
                    }
                }

                groups.Add(new FriendGroup($"friends-{groups.Count + 1}", members, together, days));
                break;
            }
        }

        return groups;
    }

    private static (int[] Owner, int[] Ts, double[] Weight, int[] BeforeDay) BuildContent(
        Pcg32 rng, Timeline timeline, int benign, float[] activity, double[] popularity, bool[] covered, List<ClusterPlan> clusters)
    {
        var owners = new List<int>();
        var times = new List<int>();
        var weights = new List<double>();
        for (int i = 0; i < benign; i++)
        {
            OrdinaryPosts(i);
        }

        foreach (ClusterPlan ring in clusters.Where(c => c.Kind == AccountRole.Ring))
        {
            foreach (int member in ring.Members)
            {
                if (covered[member])
                {
                    OrdinaryPosts(member);
                    continue;
                }

                int posts = rng.Next(2, 7);
                for (int p = 0; p < posts; p++)
                {
                    owners.Add(member);
                    times.Add(timeline.WindowStart + rng.Next(timeline.WindowLength - Timeline.Day));
                    weights.Add(0.02);
                }
            }
        }

        int count = owners.Count;
        var keys = new long[count];
        var order = new int[count];
        for (int i = 0; i < count; i++)
        {
            keys[i] = ((long)times[i] << 32) | (uint)i;
            order[i] = i;
        }

        Array.Sort(keys, order);
        var owner = new int[count];
        var ts = new int[count];
        var weight = new double[count];
        for (int i = 0; i < count; i++)
        {
            owner[i] = owners[order[i]];
            ts[i] = times[order[i]];
            weight[i] = weights[order[i]];
        }

        var beforeDay = new int[timeline.TotalDays + 1];
        int cursor = 0;
        for (int day = 0; day <= timeline.TotalDays; day++)
        {
            while (cursor < count && ts[cursor] < day * Timeline.Day)
            {
                cursor++;
            }

            beforeDay[day] = cursor;
        }

        return (owner, ts, weight, beforeDay);

        void OrdinaryPosts(int account)
        {
            if (!rng.Chance(Math.Min(0.8, 0.22 * activity[account])))
            {
                return;
            }

            int posts = Math.Max(1, (int)Math.Round(2.25 * rng.Pareto(1.6, 40)));
            for (int p = 0; p < posts; p++)
            {
                owners.Add(account);
                times.Add(timeline.WindowStart + (rng.Next(timeline.ActivityDays) * Timeline.Day) + Diurnal.HumanSecondOfDay(rng));
                weights.Add(Math.Pow(popularity[account], 0.6) * rng.Pareto(1.3, 5_000));
            }
        }
    }

    private static int[] Range(int start, int count)
    {
        var values = new int[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = start + i;
        }

        return values;
    }

    private static int[] NewDevices(ref int devices, int count)
    {
        var pool = new int[count];
        for (int i = 0; i < count; i++)
        {
            pool[i] = devices++;
        }

        return pool;
    }

    private static int[] NewProxies(IpAllocator ips, int count)
    {
        var pool = new int[count];
        for (int i = 0; i < count; i++)
        {
            pool[i] = ips.Proxy();
        }

        return pool;
    }
}
