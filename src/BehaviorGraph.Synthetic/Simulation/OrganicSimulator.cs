namespace BehaviorGraph.Synthetic.Simulation;

/// <summary>
/// Day-by-day ordinary behaviour (random stream 5): signups, posts, and the sessions of benign users, of careful
/// ring members with cover and of bots' camouflage — logins, views, likes, comments, shares, follows with
/// follow-backs, messages with replies, occasional ratings and rare reports. Farm and fake block accounts run
/// their own scripts.
/// </summary>
internal sealed class OrganicSimulator(PlatformPlan plan, SyntheticOptions options)
{
    private const int Hour = 3600;

    // Cumulative action mix of one session step; anything above ReportBelow is another view.
    private const double ViewBelow = 0.42;
    private const double LikeBelow = 0.63;
    private const double CommentBelow = 0.69;
    private const double ShareBelow = 0.72;
    private const double FollowBelow = 0.82;
    private const double MessageBelow = 0.90;
    private const double RateBelow = 0.915;
    private const double ReportBelow = 0.9175;
    private readonly Pcg32 _rng = new(options.Seed, 5);
    private int _nextSignup;

    public void SimulateDay(int day, EventSink sink)
    {
        int dayStart = day * Timeline.Day;
        EmitSignups(dayStart + Timeline.Day, sink);
        if (dayStart < plan.Timeline.WindowStart)
        {
            return;
        }

        EmitPosts(day, sink);
        int available = plan.ContentBeforeDay[day];
        int recent = plan.ContentBeforeDay[Math.Max(0, day - 2)];
        for (int account = 0; account < plan.Accounts; account++)
        {
            AccountRole role = plan.Role[account];
            if (role is AccountRole.Farm or AccountRole.Block || (role == AccountRole.Ring && !plan.Covered[account]))
            {
                continue;
            }

            float activity = plan.Activity[account];
            if (!_rng.Chance(Math.Min(0.9, 0.3 * activity)))
            {
                continue;
            }

            int sessions = _rng.Chance(Math.Min(0.6, 0.25 * activity)) ? 2 : 1;
            for (int s = 0; s < sessions; s++)
            {
                int t = dayStart + (role == AccountRole.Bot ? Diurnal.AnySecondOfDay(_rng) : Diurnal.HumanSecondOfDay(_rng));
                Session(account, role, t, available, recent, sink);
            }
        }
    }

    private void Session(int account, AccountRole role, int t, int available, int recent, EventSink sink)
    {
        var identity = plan.Identity(account, _rng);
        sink.Add(t, EventKind.Login, account, -1, identity);
        int actions = 1 + (int)_rng.Exponential(2.5);
        for (int a = 0; a < actions; a++)
        {
            t += 5 + _rng.Next(150);
            double roll = _rng.NextDouble();
            if (roll < ShareBelow || roll >= ReportBelow)
            {
                EventKind kind = roll switch
                {
                    < ViewBelow => EventKind.View,
                    < LikeBelow => EventKind.Like,
                    < CommentBelow => EventKind.Comment,
                    < ShareBelow => EventKind.Share,
                    _ => EventKind.View,
                };
                int content = SampleContent(available, recent);
                if (content >= 0 && plan.ContentOwner[content] != account)
                {
                    sink.Add(t, kind, account, content, identity);
                }
            }
            else if (roll < FollowBelow)
            {
                Follow(account, role, t, identity, sink);
            }
            else if (roll < MessageBelow)
            {
                if (role != AccountRole.Bot)
                {
                    Message(account, t, identity, sink);
                }
            }
            else if (roll < RateBelow)
            {
                int content = SampleContent(available, recent);
                if (role != AccountRole.Bot && content >= 0 && plan.ContentOwner[content] != account)
                {
                    int value = _rng.Chance(0.85) ? _rng.Next(1, 11) : _rng.Next(-10, 1);
                    sink.Add(t, EventKind.Rate, account, plan.ContentOwner[content], identity, value);
                }
            }
            else
            {
                int target = _rng.Next(plan.Accounts);
                if (target != account)
                {
                    sink.Add(t, EventKind.Report, account, target, identity);
                }
            }
        }
    }

    private void Follow(int account, AccountRole role, int t, (int Device, int Ip) identity, EventSink sink)
    {
        bool friend = role == AccountRole.Benign && plan.CommunitySize[account] > 1 && _rng.Chance(0.6);
        int target = friend
            ? plan.CommunityStart[account] + _rng.Next(plan.CommunitySize[account])
            : plan.AccountPopularity.Sample(_rng);
        if (target == account)
        {
            return;
        }

        sink.Add(t, EventKind.Follow, account, target, identity);
        if (plan.LeadsOrdinaryLife(target) && _rng.Chance(friend ? 0.5 : 0.03))
        {
            int back = t + 60 + (int)_rng.Exponential(6 * Hour);
            sink.Add(back, EventKind.Follow, target, account, plan.Identity(target, _rng));
        }
    }

    private void Message(int account, int t, (int Device, int Ip) identity, EventSink sink)
    {
        bool friend = plan.CommunitySize[account] > 1 && _rng.Chance(0.85);
        int target = friend
            ? plan.CommunityStart[account] + _rng.Next(plan.CommunitySize[account])
            : _rng.Next(plan.BenignCount);
        if (target == account)
        {
            return;
        }

        sink.Add(t, EventKind.Message, account, target, identity);
        if (_rng.Chance(friend ? 0.5 : 0.1))
        {
            int reply = t + 60 + (int)_rng.Exponential(Hour / 2.0);
            sink.Add(reply, EventKind.Message, target, account, plan.Identity(target, _rng));
        }
    }

    private int SampleContent(int available, int recent)
    {
        if (available == 0)
        {
            return -1;
        }

        return recent < available && _rng.Chance(0.5)
            ? plan.ContentPopularity.Sample(_rng, recent, available)
            : plan.ContentPopularity.Sample(_rng, 0, available);
    }

    private void EmitSignups(int before, EventSink sink)
    {
        while (_nextSignup < plan.Accounts && plan.SignupTs[plan.SignupOrder[_nextSignup]] < before)
        {
            int account = plan.SignupOrder[_nextSignup++];
            sink.Add(plan.SignupTs[account], EventKind.Signup, account, -1, plan.Identity(account, _rng));
        }
    }

    private void EmitPosts(int day, EventSink sink)
    {
        for (int content = plan.ContentBeforeDay[day]; content < plan.ContentBeforeDay[day + 1]; content++)
        {
            int owner = plan.ContentOwner[content];
            sink.Add(plan.ContentTs[content], EventKind.Post, owner, content, plan.Identity(owner, _rng));
        }
    }
}
