namespace BehaviorGraph.Synthetic.Simulation;

/// <summary>
/// Viral bursts (random stream 4): for each, many unrelated benign accounts view, like and sometimes share one
/// popular item within the same hour, and do nothing else together. Bursts pick distinct items; their participants
/// are drawn independently, so a few accounts take part in two bursts, as people who follow trends do.
/// </summary>
internal sealed class ViralBurstSimulator(PlatformPlan plan, SyntheticOptions options)
{
    private const int Hour = 3600;
    private readonly Pcg32 _rng = new(options.Seed, 4);

    public List<ViralBurst> Simulate(EventSink sink)
    {
        var bursts = new List<ViralBurst>(options.ViralBursts);
        var usedContent = new HashSet<int>();
        for (int b = 0; b < options.ViralBursts; b++)
        {
            ViralBurst? burst = SimulateOne(sink, usedContent);
            if (burst is not null)
            {
                bursts.Add(burst);
            }
        }

        return bursts;
    }

    private ViralBurst? SimulateOne(EventSink sink, HashSet<int> usedContent)
    {
        Timeline timeline = plan.Timeline;
        int latestStart = timeline.WindowStart + (timeline.WindowLength * 3 / 5);
        int available = plan.CountContentBefore(latestStart);
        if (available == 0)
        {
            return null;
        }

        int content = -1;
        for (int k = 0; k < 50; k++)
        {
            int candidate = _rng.Next(available);
            if (plan.Role[plan.ContentOwner[candidate]] == AccountRole.Benign && !usedContent.Contains(candidate) &&
                (content < 0 || plan.ContentWeight[candidate] > plan.ContentWeight[content]))
            {
                content = candidate;
            }
        }

        if (content < 0)
        {
            return null;
        }

        usedContent.Add(content);
        int owner = plan.ContentOwner[content];
        int start = plan.ContentTs[content] + (2 * Hour) + _rng.Next(2 * Timeline.Day);
        int size = Math.Min(Math.Clamp(plan.Accounts / 25, 40, 3_000), plan.BenignCount / 4);
        var chosen = new HashSet<int>();
        var participants = new List<int>(size);
        while (participants.Count < size)
        {
            int account = _rng.Next(plan.BenignCount);
            if (account != owner && !plan.IsPlantedAbuser(account) && chosen.Add(account))
            {
                participants.Add(account);
            }
        }

        foreach (int account in participants)
        {
            var identity = plan.Identity(account, _rng);
            int t = start + _rng.Next(Hour - 200);
            sink.Add(t, EventKind.View, account, content, identity);
            sink.Add(t + 2 + _rng.Next(60), EventKind.Like, account, content, identity);
            if (_rng.Chance(0.35))
            {
                sink.Add(t + 70 + _rng.Next(120), EventKind.Share, account, content, identity);
            }
        }

        return new ViralBurst(content, start, [.. participants]);
    }
}
