namespace BehaviorGraph.Synthetic.Simulation;

/// <summary>
/// Engagement-selling bot clusters (random stream 3): for each customer job most members act on the
/// customer's content or account within the cluster's job spread (minutes), front-loaded or evenly paced; jobs are
/// spread over the window. Ordinary camouflage activity comes from <see cref="OrganicSimulator"/>.
/// </summary>
internal sealed class BotSimulator(PlatformPlan plan, SyntheticOptions options)
{
    private readonly Pcg32 _rng = new(options.Seed, 3);

    public void Simulate(EventSink sink)
    {
        foreach (ClusterPlan cluster in plan.Clusters)
        {
            if (cluster.Kind == AccountRole.Bot)
            {
                SimulateCluster(cluster, sink);
            }
        }
    }

    private void SimulateCluster(ClusterPlan cluster, EventSink sink)
    {
        Timeline timeline = plan.Timeline;
        int[] members = cluster.Members;
        foreach (int member in members)
        {
            for (int day = 0; day < timeline.ActivityDays; day++)
            {
                if (_rng.Chance(0.5))
                {
                    int t = timeline.WindowStart + (day * Timeline.Day) + Diurnal.AnySecondOfDay(_rng);
                    sink.Add(t, EventKind.Login, member, -1, plan.Identity(member, _rng));
                }
            }
        }

        int jobs = _rng.Next(options.BotJobs.Min, options.BotJobs.Max + 1);
        int spread = 60 * _rng.Next(options.BotJobSpreadMinutes.Min, options.BotJobSpreadMinutes.Max + 1);
        cluster.JobSpreadSeconds = spread;
        var used = new HashSet<long>();
        int attempts = 0;
        while (cluster.Jobs.Count < jobs && attempts++ < jobs * 20)
        {
            int start = timeline.WindowStart + Timeline.Day + _rng.Next(timeline.WindowLength - (2 * Timeline.Day));
            double roll = _rng.NextDouble();
            EventKind kind = roll switch
            {
                < 0.45 => EventKind.Like,
                < 0.65 => EventKind.Share,
                < 0.80 => EventKind.View,
                _ => EventKind.Follow,
            };

            int target;
            if (kind == EventKind.Follow)
            {
                target = _rng.Next(plan.BenignCount);
            }
            else
            {
                int available = plan.CountContentBefore(start - 3600);
                if (available == 0)
                {
                    continue;
                }

                target = _rng.Next(available);
                if (plan.Role[plan.ContentOwner[target]] != AccountRole.Benign)
                {
                    continue;
                }
            }

            if (!used.Add(((long)kind << 32) | (uint)target))
            {
                continue;
            }

            double participation = _rng.NextDouble(0.7, 0.95);
            int participants = 0;
            int lastLag = 0;
            foreach (int member in members)
            {
                if (!_rng.Chance(participation))
                {
                    continue;
                }

                participants++;
                int lag = options.BotJobTiming == BotJobTiming.Uniform
                    ? _rng.Next(spread)
                    : Math.Min(spread - 1, (int)_rng.Exponential(spread / 6.0));
                lastLag = Math.Max(lastLag, lag);
                int t = start + lag;
                var identity = plan.Identity(member, _rng);
                if (kind == EventKind.Follow)
                {
                    sink.Add(t, EventKind.Follow, member, target, identity);
                }
                else
                {
                    sink.Add(t, EventKind.View, member, target, identity);
                    if (kind != EventKind.View)
                    {
                        sink.Add(t + 3 + _rng.Next(40), kind, member, target, identity);
                    }
                }
            }

            cluster.Jobs.Add(new BotJob(kind, target, start, participants, lastLag));
        }

        int pooledDevices = members.Count(m => plan.PooledDevice[m]);
        int pooledIps = members.Count(m => plan.PooledIp[m]);
        string timing = options.BotJobTiming == BotJobTiming.Uniform ? "evenly paced" : "front-loaded";
        string jobList = string.Join(", ", cluster.Jobs.Select(j =>
            $"{j.Kind.ToString().ToLowerInvariant()} {(j.Kind == EventKind.Follow ? $"a{plan.PublicId[j.Target]}" : $"c{j.Target + 1}")} by {j.Participants}"));
        cluster.Description =
            $"Engagement-selling bot cluster of {members.Length} accounts; {cluster.Jobs.Count} lockstep jobs, each {timing} over {spread / 60} minute(s), on customer targets " +
            $"({jobList}); {pooledDevices} on {cluster.DevicePool.Length} farm devices, {pooledIps} behind {cluster.IpPool.Length} proxy IPs, " +
            "the rest on their own devices and residential IPs; ordinary camouflage activity around the clock.";
    }
}
