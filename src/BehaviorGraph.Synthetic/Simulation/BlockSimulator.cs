namespace BehaviorGraph.Synthetic.Simulation;

/// <summary>
/// Engagement blocks (random stream 8): a seller's accounts deliver bought likes (content targets) or follows
/// (account targets) to a customer's targets — an exact share of the accounts × targets pairs (see
/// <see cref="BlockSampling"/>), each at its own time spread over the activity window, so there is no burst to see,
/// only density. Camouflage follows FRAUDAR's attacks:
/// none, engagements outside the block chosen at random or by popularity (as many per account as it has block
/// engagements times the camouflage ratio), or hijacked real accounts whose own activity is the camouflage.
/// </summary>
internal sealed class BlockSimulator(PlatformPlan plan, SyntheticOptions options)
{
    private readonly Pcg32 _rng = new(options.Seed, 8);
    private readonly HashSet<long> _engaged = [];
    private readonly HashSet<long> _loggedIn = [];

    public void Simulate(EventSink sink)
    {
        foreach (ClusterPlan block in plan.Clusters)
        {
            if (block.Kind == AccountRole.Block)
            {
                SimulateBlock(block, sink);
            }
        }
    }

    private void SimulateBlock(ClusterPlan block, EventSink sink)
    {
        Timeline timeline = plan.Timeline;
        ChooseTargets(block);
        int[] members = block.Members;
        int targets = block.Targets.Count;
        if (targets == 0)
        {
            block.Description = $"Engagement block of {members.Length} accounts: no eligible target existed, nothing was planted.";
            return;
        }

        var targetSet = new HashSet<int>(block.Targets.Select(Key));
        block.PlannedTargets = targets;
        var perMember = new int[members.Length];
        var engagedTargets = new bool[targets];
        foreach ((int m, int t) in BlockSampling.Pairs(_rng, members.Length, targets, options.BlockDensity))
        {
            BlockTarget target = block.Targets[t];
            int earliest = target.IsAccount ? timeline.WindowStart : Math.Max(timeline.WindowStart, plan.ContentTs[target.Index] + 60);
            int time = earliest + _rng.Next(timeline.End - earliest);
            Engage(members[m], target, time, sink);
            perMember[m]++;
            engagedTargets[t] = true;
            block.PlantedEngagements++;
        }

        // A target nobody engaged is just another item: the truth lists only the targets the block delivered to.
        var delivered = block.Targets.Where((_, t) => engagedTargets[t]).ToList();
        block.Targets.Clear();
        block.Targets.AddRange(delivered);
        block.InternalDensity = options.BlockDensity;
        if (block.Hijacked || options.BlockCamouflage == BlockCamouflage.None)
        {
            block.Description = Describe(block, "");
            return;
        }

        bool byPopularity = options.BlockCamouflage == BlockCamouflage.DegreeBiased;
        int camouflage = 0;
        for (int m = 0; m < members.Length; m++)
        {
            int count = (int)Math.Round(perMember[m] * options.BlockCamouflageRatio);
            for (int k = 0, attempts = 0; k < count && attempts < count * 10; attempts++)
            {
                int t = timeline.WindowStart + _rng.Next(timeline.WindowLength);
                bool account = options.BlockTargetKind == BlockTargetKind.Account || (options.BlockTargetKind == BlockTargetKind.Mixed && _rng.Chance(0.5));
                BlockTarget target;
                if (account)
                {
                    target = new BlockTarget(true, byPopularity ? plan.AccountPopularity.Sample(_rng) : _rng.Next(plan.BenignCount));
                    if (target.Index == members[m])
                    {
                        continue;
                    }
                }
                else
                {
                    int available = plan.CountContentBefore(t - 60);
                    if (available == 0)
                    {
                        continue;
                    }

                    target = new BlockTarget(false, byPopularity ? plan.ContentPopularity.Sample(_rng, 0, available) : _rng.Next(available));
                }

                if (targetSet.Contains(Key(target)) || !Engage(members[m], target, t, sink))
                {
                    continue;
                }

                k++;
                camouflage++;
            }
        }

        block.CamouflageEngagements = camouflage;
        string how = byPopularity ? "chosen in proportion to their popularity" : "chosen uniformly at random";
        block.Description = Describe(block, $"; {camouflage:N0} camouflage engagement(s) outside the block, {how}");
    }

    private void ChooseTargets(ClusterPlan block)
    {
        Timeline timeline = plan.Timeline;
        int wanted = _rng.Next(options.BlockTargets.Min, options.BlockTargets.Max + 1);
        int contentPool = plan.CountContentBefore(timeline.WindowStart + (timeline.WindowLength * 2 / 3));
        var members = new HashSet<int>(block.Members);
        var chosen = new HashSet<long>();
        for (int attempts = 0; block.Targets.Count < wanted && attempts < wanted * 50; attempts++)
        {
            bool account = options.BlockTargetKind == BlockTargetKind.Account || (options.BlockTargetKind == BlockTargetKind.Mixed && _rng.Chance(0.5));
            BlockTarget target;
            if (account)
            {
                // Customers: ordinary accounts buying followers.
                int candidate = _rng.Next(plan.BenignCount);
                if (plan.IsPlantedAbuser(candidate) || members.Contains(candidate))
                {
                    continue;
                }

                target = new BlockTarget(true, candidate);
            }
            else
            {
                if (contentPool == 0)
                {
                    continue;
                }

                int candidate = _rng.Next(contentPool);
                int owner = plan.ContentOwner[candidate];
                if (plan.Role[owner] != AccountRole.Benign || plan.IsPlantedAbuser(owner))
                {
                    continue;
                }

                target = new BlockTarget(false, candidate);
            }

            if (chosen.Add(Key(target)))
            {
                block.Targets.Add(target);
            }
        }
    }

    private bool Engage(int account, BlockTarget target, int t, EventSink sink)
    {
        if (!_engaged.Add(((long)account << 32) | (uint)Key(target)))
        {
            return false;
        }

        var identity = plan.Identity(account, _rng);
        if (plan.Role[account] == AccountRole.Block && _loggedIn.Add(((long)account << 32) | (uint)(t / Timeline.Day)))
        {
            sink.Add(Math.Max(plan.SignupTs[account] + 1, t - 5 - _rng.Next(120)), EventKind.Login, account, -1, identity);
        }

        sink.Add(t, target.IsAccount ? EventKind.Follow : EventKind.Like, account, target.Index, identity);
        return true;
    }

    private string Describe(ClusterPlan block, string camouflage)
    {
        int accounts = block.Targets.Count(t => t.IsAccount);
        int content = block.Targets.Count - accounts;
        string targets = (accounts, content) switch
        {
            (0, _) => $"{content} content items (likes)",
            (_, 0) => $"{accounts} accounts (follows)",
            _ => $"{content} content items (likes) and {accounts} accounts (follows)",
        };
        string who = block.Hijacked ? "hijacked real accounts, their own activity the camouflage" : "fake accounts signed up over the whole period, each on its own device and residential IP";
        return $"Engagement block of {block.Members.Length} {who} × {targets} at density {options.BlockDensity:0.###} " +
               $"({block.PlantedEngagements:N0} engagements spread over the activity window){camouflage}.";
    }

    /// <summary>Accounts and content share one key space: accounts non-negative, content items negative.</summary>
    private static int Key(BlockTarget target) => target.IsAccount ? target.Index : -1 - target.Index;
}
