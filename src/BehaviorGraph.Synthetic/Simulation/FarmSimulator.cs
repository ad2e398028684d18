namespace BehaviorGraph.Synthetic.Simulation;

/// <summary>
/// Data-centre account farms (random stream 7): emulator accounts that all run the same script from the farm's
/// few addresses — a daily session inside the farm's three-hour slot, a login and a few views, likes of what is
/// popular right now and follows of popular accounts. They are not paid to hit the same target together (that is a
/// bot cluster); what gives them away is the shared infrastructure and their sameness.
/// </summary>
internal sealed class FarmSimulator(PlatformPlan plan, SyntheticOptions options)
{
    private const int Hour = 3600;
    private readonly Pcg32 _rng = new(options.Seed, 7);

    public void Simulate(EventSink sink)
    {
        foreach (ClusterPlan farm in plan.Clusters)
        {
            if (farm.Kind == AccountRole.Farm)
            {
                SimulateFarm(farm, sink);
            }
        }
    }

    private void SimulateFarm(ClusterPlan farm, EventSink sink)
    {
        Timeline timeline = plan.Timeline;
        int slotHour = _rng.Next(24);
        double daily = _rng.NextDouble(0.6, 0.9);
        int actionsPerSession = _rng.Next(2, 5);
        double likeShare = _rng.NextDouble(0.3, 0.6);
        var offsets = new int[farm.Members.Length];
        for (int i = 0; i < offsets.Length; i++)
        {
            offsets[i] = _rng.Next(3 * Hour);
        }

        for (int day = 0; day < timeline.ActivityDays; day++)
        {
            int dayStart = timeline.WindowStart + (day * Timeline.Day);
            int available = plan.ContentBeforeDay[timeline.SignupDays + day];
            int recent = plan.ContentBeforeDay[Math.Max(0, timeline.SignupDays + day - 2)];
            for (int i = 0; i < farm.Members.Length; i++)
            {
                if (!_rng.Chance(daily))
                {
                    continue;
                }

                int member = farm.Members[i];
                int t = dayStart + (slotHour * Hour) + offsets[i] + _rng.Next(-600, 601);
                sink.Add(t, EventKind.Login, member, -1, plan.Identity(member, _rng));
                for (int a = 0; a < actionsPerSession; a++)
                {
                    t += 15 + _rng.Next(60);
                    var identity = plan.Identity(member, _rng);
                    if (_rng.Chance(0.15))
                    {
                        int target = plan.AccountPopularity.Sample(_rng);
                        if (plan.Role[target] == AccountRole.Benign)
                        {
                            sink.Add(t, EventKind.Follow, member, target, identity);
                        }

                        continue;
                    }

                    if (available == 0)
                    {
                        continue;
                    }

                    int content = recent < available ? plan.ContentPopularity.Sample(_rng, recent, available) : plan.ContentPopularity.Sample(_rng, 0, available);
                    sink.Add(t, _rng.Chance(likeShare) ? EventKind.Like : EventKind.View, member, content, identity);
                }
            }
        }

        farm.Description =
            $"Data-centre farm of {farm.Members.Length} emulator accounts (one device id each) rotating over {farm.IpPool.Length} data-centre IPs, " +
            $"signed up over {farm.SignupBurstDays} day(s); every account runs the same script: on {daily:P0} of days a session in the same three-hour slot from {slotHour:00}:00 UTC, " +
            $"a login and {actionsPerSession} views, likes ({likeShare:P0}) and follows of popular content and accounts.";
    }
}
