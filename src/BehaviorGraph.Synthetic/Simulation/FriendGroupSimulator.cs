namespace BehaviorGraph.Synthetic.Simulation;

/// <summary>
/// Dense benign friend groups (random stream 9), the hard negative for ring detection: friends follow each other
/// densely and back, message each other and answer, and like and comment on each other's posts within hours — on
/// their own devices and home connections, without outreach to strangers, reports or hostile ratings. Half of the
/// groups joined together within a week (the planner set their signups). Their ordinary sessions come from
/// <see cref="OrganicSimulator"/> as for every benign account.
/// </summary>
internal sealed class FriendGroupSimulator(PlatformPlan plan, SyntheticOptions options)
{
    private const int Hour = 3600;
    private readonly Pcg32 _rng = new(options.Seed, 9);

    public void Simulate(EventSink sink)
    {
        if (plan.FriendGroups.Count == 0)
        {
            return;
        }

        var groupOf = new Dictionary<int, FriendGroup>();
        foreach (FriendGroup group in plan.FriendGroups)
        {
            foreach (int member in group.Members)
            {
                groupOf[member] = group;
            }
        }

        var posts = new Dictionary<FriendGroup, List<int>>();
        for (int content = 0; content < plan.ContentOwner.Length; content++)
        {
            if (groupOf.TryGetValue(plan.ContentOwner[content], out FriendGroup? group))
            {
                if (!posts.TryGetValue(group, out List<int>? list))
                {
                    posts[group] = list = [];
                }

                list.Add(content);
            }
        }

        foreach (FriendGroup group in plan.FriendGroups)
        {
            SimulateGroup(group, posts.GetValueOrDefault(group) ?? [], sink);
        }
    }

    private void SimulateGroup(FriendGroup group, List<int> contents, EventSink sink)
    {
        Timeline timeline = plan.Timeline;
        int[] members = group.Members;
        double density = _rng.NextDouble(0.5, 0.9);
        group.Density = density;
        int settling = Math.Min(14 * Timeline.Day, timeline.WindowLength / 2);
        for (int i = 0; i < members.Length; i++)
        {
            for (int j = i + 1; j < members.Length; j++)
            {
                if (!_rng.Chance(density))
                {
                    continue;
                }

                (int first, int second) = _rng.Chance(0.5) ? (members[i], members[j]) : (members[j], members[i]);
                int t = timeline.WindowStart + _rng.Next(settling);
                sink.Add(t, EventKind.Follow, first, second, plan.Identity(first, _rng));
                if (_rng.Chance(0.9))
                {
                    sink.Add(t + 60 + (int)_rng.Exponential(8 * Hour), EventKind.Follow, second, first, plan.Identity(second, _rng));
                }
            }
        }

        foreach (int member in members)
        {
            int messages = _rng.Next(3, 25);
            for (int k = 0; k < messages; k++)
            {
                int friend = members[_rng.Next(members.Length)];
                if (friend == member)
                {
                    continue;
                }

                int t = timeline.WindowStart + (_rng.Next(timeline.ActivityDays) * Timeline.Day) + Diurnal.HumanSecondOfDay(_rng);
                sink.Add(t, EventKind.Message, member, friend, plan.Identity(member, _rng));
                if (_rng.Chance(0.7))
                {
                    sink.Add(t + 30 + (int)_rng.Exponential(Hour), EventKind.Message, friend, member, plan.Identity(friend, _rng));
                }
            }
        }

        foreach (int content in contents)
        {
            int owner = plan.ContentOwner[content];
            foreach (int member in members)
            {
                if (member == owner || !_rng.Chance(0.55))
                {
                    continue;
                }

                int t = plan.ContentTs[content] + 60 + (int)_rng.Exponential(4 * Hour);
                var identity = plan.Identity(member, _rng);
                sink.Add(t, EventKind.View, member, content, identity);
                sink.Add(t + 5 + _rng.Next(60), EventKind.Like, member, content, identity);
                if (_rng.Chance(0.25))
                {
                    sink.Add(t + 30 + _rng.Next(600), EventKind.Comment, member, content, identity);
                }
            }
        }
    }
}
