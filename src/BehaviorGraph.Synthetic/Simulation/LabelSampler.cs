namespace BehaviorGraph.Synthetic.Simulation;

/// <summary>
/// Draws the partial, noisy label set an analyst team would have (random stream 6): part of the planted
/// abusive accounts with some clusters left entirely unlabelled, a benign sample that over-represents hard
/// negatives (viral-burst participants, household members, dense friend groups), and a few flipped labels.
/// </summary>
internal sealed class LabelSampler(PlatformPlan plan, SyntheticOptions options)
{
    private const double UnlabelledClusterShare = 0.25;
    private const double HardNegativeShare = 0.3;
    private readonly Pcg32 _rng = new(options.Seed, 6);

    public List<AccountLabel> Sample(IReadOnlyList<ViralBurst> viral)
    {
        var truth = new Dictionary<int, bool>();
        SampleAbusive(truth);
        SampleBenign(truth, viral);

        var labels = new List<AccountLabel>(truth.Count);
        foreach ((int account, bool abusive) in truth.OrderBy(pair => plan.PublicId[pair.Key]))
        {
            labels.Add(new AccountLabel(account, _rng.Chance(options.LabelNoise) ? !abusive : abusive));
        }

        return labels;
    }

    private void SampleAbusive(Dictionary<int, bool> labels)
    {
        List<ClusterPlan> clusters = plan.Clusters;
        if (options.LabelledAbusiveFraction <= 0 || clusters.Count == 0)
        {
            return;
        }

        // A fixed share of clusters stays dark (at least one whenever there are two or more), the rest are partly labelled.
        var unlabelled = new bool[clusters.Count];
        int dark = clusters.Count < 2 ? 0 : Math.Max(1, (int)Math.Round(UnlabelledClusterShare * clusters.Count));
        int[] order = [.. Enumerable.Range(0, clusters.Count)];
        _rng.Shuffle(order);
        foreach (int c in order.AsSpan(0, dark))
        {
            unlabelled[c] = true;
        }

        double labelledShare = clusters.Count == dark ? 1 : (clusters.Count - dark) / (double)clusters.Count;
        double meanWithinLabelled = Math.Min(1, options.LabelledAbusiveFraction / labelledShare);
        for (int c = 0; c < clusters.Count; c++)
        {
            if (unlabelled[c])
            {
                continue;
            }

            double fraction = Math.Clamp(meanWithinLabelled * _rng.NextDouble(0.7, 1.3), 0, 1);
            foreach (int member in clusters[c].Members)
            {
                if (_rng.Chance(fraction))
                {
                    labels[member] = true;
                }
            }
        }
    }

    private void SampleBenign(Dictionary<int, bool> labels, IReadOnlyList<ViralBurst> viral)
    {
        int wanted = (int)Math.Round(options.LabelledBenignFraction * plan.BenignCount);
        if (wanted == 0)
        {
            return;
        }

        var hard = new List<int>();
        foreach (ViralBurst burst in viral)
        {
            hard.AddRange(burst.Participants);
        }

        foreach (FriendGroup group in plan.FriendGroups)
        {
            hard.AddRange(group.Members);
        }

        for (int account = 0; account < plan.BenignCount; account++)
        {
            if (plan.InHousehold[account])
            {
                hard.Add(account);
            }
        }

        int hardWanted = Math.Min(hard.Count, (int)(wanted * HardNegativeShare));
        int added = 0;
        for (int attempts = 0; added < hardWanted && attempts < hardWanted * 10; attempts++)
        {
            int account = hard[_rng.Next(hard.Count)];
            if (!plan.IsPlantedAbuser(account) && labels.TryAdd(account, false))
            {
                added++;
            }
        }

        for (int attempts = 0; added < wanted && attempts < wanted * 10; attempts++)
        {
            int account = _rng.Next(plan.BenignCount);
            if (!plan.IsPlantedAbuser(account) && labels.TryAdd(account, false))
            {
                added++;
            }
        }
    }
}
