namespace BehaviorGraph.Synthetic.Simulation;

/// <summary>
/// Spam rings (random stream 2): dense reciprocated follows and likes inside the ring, outreach to
/// strangers that draws reports, camouflage on popular accounts and content, hostile ratings of competitors.
/// </summary>
internal sealed class RingSimulator(PlatformPlan plan, SyntheticOptions options)
{
    private const int Hour = 3600;
    private readonly Pcg32 _rng = new(options.Seed, 2);

    public void Simulate(EventSink sink)
    {
        var ringContent = new Dictionary<int, List<int>>();
        for (int content = 0; content < plan.ContentOwner.Length; content++)
        {
            int owner = plan.ContentOwner[content];
            if (plan.Role[owner] == AccountRole.Ring)
            {
                int cluster = plan.Cluster[owner];
                if (!ringContent.TryGetValue(cluster, out List<int>? list))
                {
                    ringContent[cluster] = list = [];
                }

                list.Add(content);
            }
        }

        for (int c = 0; c < plan.Clusters.Count; c++)
        {
            ClusterPlan ring = plan.Clusters[c];
            if (ring.Kind == AccountRole.Ring)
            {
                SimulateRing(ring, ringContent.GetValueOrDefault(c) ?? [], sink);
            }
        }
    }

    private void SimulateRing(ClusterPlan ring, List<int> contents, EventSink sink)
    {
        Timeline timeline = plan.Timeline;
        int[] members = ring.Members;
        double density = _rng.NextDouble(0.3, 0.7);
        ring.InternalDensity = density;

        int buildUp = Math.Min(10 * Timeline.Day, timeline.WindowLength / 2);
        for (int i = 0; i < members.Length; i++)
        {
            for (int j = i + 1; j < members.Length; j++)
            {
                if (!_rng.Chance(density))
                {
                    continue;
                }

                (int first, int second) = _rng.Chance(0.5) ? (members[i], members[j]) : (members[j], members[i]);
                int t = timeline.WindowStart + _rng.Next(buildUp);
                sink.Add(t, EventKind.Follow, first, second, plan.Identity(first, _rng));
                if (_rng.Chance(0.85))
                {
                    int back = t + 60 + _rng.Next(12 * Hour);
                    sink.Add(back, EventKind.Follow, second, first, plan.Identity(second, _rng));
                }
            }
        }

        foreach (int content in contents)
        {
            int owner = plan.ContentOwner[content];
            foreach (int member in members)
            {
                if (member == owner || !_rng.Chance(density))
                {
                    continue;
                }

                int t = plan.ContentTs[content] + 30 + (int)_rng.Exponential(2 * Hour);
                var identity = plan.Identity(member, _rng);
                sink.Add(t, EventKind.Like, member, content, identity);
                if (_rng.Chance(0.15))
                {
                    sink.Add(t + 20 + _rng.Next(300), EventKind.Comment, member, content, identity);
                }
            }
        }

        var strangers = new HashSet<int>();
        double camouflageShare = options.CamouflageRatio / (1 - options.CamouflageRatio);
        foreach (int member in members)
        {
            bool covered = plan.Covered[member];
            if (!covered)
            {
                // Members with cover log in through their ordinary sessions (OrganicSimulator).
                for (int day = 0; day < timeline.ActivityDays; day++)
                {
                    if (_rng.Chance(0.7))
                    {
                        int t = timeline.WindowStart + (day * Timeline.Day) + Diurnal.HumanSecondOfDay(_rng);
                        sink.Add(t, EventKind.Login, member, -1, plan.Identity(member, _rng));
                    }
                }
            }

            int outreach = _rng.Next(options.RingOutreach.Min, options.RingOutreach.Max + 1);
            for (int k = 0; k < outreach; k++)
            {
                Outreach(member, OutwardTime(covered), strangers, sink);
            }

            int camouflage = (int)Math.Round(_rng.Next(15, 51) * camouflageShare);
            for (int k = 0; k < camouflage; k++)
            {
                Camouflage(member, OutwardTime(covered), sink);
            }

            if (_rng.Chance(0.5))
            {
                int ratings = _rng.Next(1, 5);
                for (int k = 0; k < ratings; k++)
                {
                    int t = timeline.WindowStart + _rng.Next(timeline.WindowLength);
                    int competitor = plan.ContentOwner[plan.ContentPopularity.Sample(_rng)];
                    if (plan.Role[competitor] == AccountRole.Benign)
                    {
                        sink.Add(t, EventKind.Rate, member, competitor, plan.Identity(member, _rng), _rng.Next(-10, -2));
                    }
                }
            }
        }

        ring.OutreachTargets = strangers.Count;
        int pooled = members.Length - ring.CarefulMembers;
        int coveredMembers = members.Count(m => plan.Covered[m]);
        string cover = coveredMembers == 0 ? "" : $" ({coveredMembers} of them with ordinary cover activity at {options.CarefulRingCover:F2} of a typical user's, carrier-NAT IPs included)";
        ring.Description =
            $"Spam ring of {members.Length} accounts created within {ring.SignupBurstDays} day(s); internal follow density {density:F2}, mostly reciprocated, and mutual likes; " +
            $"{ring.CarefulMembers} on their own devices and residential IPs{cover}, {pooled} sharing {ring.DevicePool.Length} devices and {ring.IpPool.Length} proxy IPs; " +
            $"messages and follows to {strangers.Count} strangers ({options.RingOutreach} per member, reported by some); camouflage ratio {options.CamouflageRatio:F2}.";
    }

    private int OutwardTime(bool covered)
    {
        Timeline timeline = plan.Timeline;
        return covered
            ? timeline.WindowStart + (_rng.Next(timeline.ActivityDays) * Timeline.Day) + Diurnal.HumanSecondOfDay(_rng)
            : timeline.WindowStart + _rng.Next(timeline.WindowLength);
    }

    private void Outreach(int member, int t, HashSet<int> strangers, EventSink sink)
    {
        int target = _rng.Next(plan.BenignCount);
        strangers.Add(target);
        bool message = _rng.Chance(0.6);
        sink.Add(t, message ? EventKind.Message : EventKind.Follow, member, target, plan.Identity(member, _rng));
        if (_rng.Chance(message ? 0.06 : 0.04))
        {
            int back = t + 120 + (int)_rng.Exponential(4 * Hour);
            sink.Add(back, message ? EventKind.Message : EventKind.Follow, target, member, plan.Identity(target, _rng));
        }

        if (_rng.Chance(0.06))
        {
            int reported = t + 600 + _rng.Next(2 * Timeline.Day);
            sink.Add(reported, EventKind.Report, target, member, plan.Identity(target, _rng));
        }
    }

    private void Camouflage(int member, int t, EventSink sink)
    {
        var identity = plan.Identity(member, _rng);
        double roll = _rng.NextDouble();
        if (roll < 0.3)
        {
            int target = plan.AccountPopularity.Sample(_rng);
            if (plan.Role[target] == AccountRole.Benign)
            {
                sink.Add(t, EventKind.Follow, member, target, identity);
            }

            return;
        }

        int available = plan.CountContentBefore(t);
        if (available == 0)
        {
            return;
        }

        int content = plan.ContentPopularity.Sample(_rng, 0, available);
        if (plan.Role[plan.ContentOwner[content]] == AccountRole.Benign)
        {
            sink.Add(t, roll < 0.7 ? EventKind.View : EventKind.Like, member, content, identity);
        }
    }
}
