using System.Globalization;
using System.Text;
using System.Text.Json;
using BehaviorGraph.Synthetic.Simulation;

namespace BehaviorGraph.Synthetic;

/// <summary>
/// Writes FRAUDAR's injection protocol (see <see cref="FraudarProtocolOptions"/>): events.csv with <c>like</c> events
/// only and truth.json with one planted cluster of kind <c>block</c> (members = the block's accounts, each of which
/// likes at least one of its items; targets = the block's items that received a like; the density counts all of the
/// block's items). No labels are written.
/// </summary>
public static class FraudarProtocol
{
    private const int Day = 86_400;

    public static GenerationSummary Generate(
        FraudarProtocolOptions options,
        string outputDirectory,
        IProgress<GenerationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        options.Validate();
        outputDirectory = Path.GetFullPath(outputDirectory);

        progress?.Report(new GenerationProgress("plan", 0));
        var rng = new Pcg32(options.Seed, 21);
        var likes = new HashSet<long>();
        var edges = new List<(int Account, int Item)>();
        int[] itemDegree = Background(options, rng, likes, edges);
        int background = edges.Count;
        bool hijacked = options.Attack == BlockCamouflage.Hijacked;
        int totalAccounts = options.Accounts + (hijacked ? 0 : options.BlockAccounts);

        int[] blockAccounts = hijacked
            ? Distinct(rng, options.Accounts, options.BlockAccounts)
            : [.. Enumerable.Range(options.Accounts, options.BlockAccounts)];
        int[] blockItems = Distinct(rng, options.Items, options.BlockItems);
        cancellationToken.ThrowIfCancellationRequested();

        // Exactly round(density · A · T) distinct pairs of the block, every block account in at least one.
        var blockLikes = new int[blockAccounts.Length];
        var engaged = new bool[blockItems.Length];
        long selected = 0;
        foreach ((int a, int i) in BlockSampling.Pairs(rng, blockAccounts.Length, blockItems.Length, options.Density))
        {
            selected++;
            blockLikes[a]++;
            engaged[i] = true;
            Add(blockAccounts[a], blockItems[i], likes, edges);
        }

        long pairs = (long)blockAccounts.Length * blockItems.Length;
        int[] engagedItems = [.. blockItems.Where((_, i) => engaged[i])];
        int camouflage = Camouflage(options, rng, blockAccounts, blockLikes, blockItems, itemDegree, likes, edges);
        progress?.Report(new GenerationProgress("plan", 1));
        cancellationToken.ThrowIfCancellationRequested();

        int[] accountId = Permutation(rng, totalAccounts);
        int[] itemId = Permutation(rng, options.Items);
        var times = new int[edges.Count];
        int span = options.Days * Day;
        for (int i = 0; i < times.Length; i++)
        {
            times[i] = rng.Next(span);
        }

        int[] order = [.. Enumerable.Range(0, edges.Count)];
        Array.Sort(order, (x, y) => times[x] != times[y] ? times[x].CompareTo(times[y]) : x.CompareTo(y));

        Directory.CreateDirectory(outputDirectory);
        string eventsPath = Path.Combine(outputDirectory, SyntheticPlatform.EventsFileName);
        string truthPath = Path.Combine(outputDirectory, SyntheticPlatform.TruthFileName);
        WriteEvents(eventsPath, options, edges, times, order, accountId, itemId, progress, cancellationToken);

        var blockSet = new HashSet<long>();
        foreach (int a in blockAccounts)
        {
            foreach (int i in blockItems)
            {
                blockSet.Add(Key(a, i));
            }
        }

        int inside = edges.Count(e => blockSet.Contains(Key(e.Account, e.Item)));
        WriteTruth(truthPath, options, totalAccounts, edges.Count, background, blockAccounts, blockItems, engagedItems, accountId, itemId, selected, inside, pairs, camouflage);
        progress?.Report(new GenerationProgress("truth", 1));

        return new GenerationSummary("fraudar", eventsPath, null, truthPath, edges.Count, totalAccounts, 0, 0, 0, 1, 0, 0, 0);
    }

    /// <summary>Chung–Lu bipartite background with Pareto weights on both sides; every honest account likes at least one item.</summary>
    private static int[] Background(FraudarProtocolOptions options, Pcg32 rng, HashSet<long> likes, List<(int, int)> edges)
    {
        var accountWeight = new double[options.Accounts];
        for (int a = 0; a < accountWeight.Length; a++)
        {
            accountWeight[a] = rng.Pareto(1.5, options.Items / 8.0);
        }

        var itemWeight = new double[options.Items];
        for (int i = 0; i < itemWeight.Length; i++)
        {
            itemWeight[i] = rng.Pareto(1.5, options.Accounts / 8.0);
        }

        var accounts = new PrefixSampler(accountWeight);
        var items = new PrefixSampler(itemWeight);
        for (int a = 0; a < options.Accounts; a++)
        {
            Add(a, items.Sample(rng), likes, edges);
        }

        long target = (long)Math.Round(options.BackgroundDegree * options.Accounts);
        for (long attempts = 0; edges.Count < target && attempts < target * 20; attempts++)
        {
            Add(accounts.Sample(rng), items.Sample(rng), likes, edges);
        }

        var degree = new int[options.Items];
        foreach ((int _, int item) in edges)
        {
            degree[item]++;
        }

        return degree;
    }

    private static int Camouflage(
        FraudarProtocolOptions options, Pcg32 rng, int[] blockAccounts, int[] blockLikes, int[] blockItems, int[] itemDegree, HashSet<long> likes, List<(int, int)> edges)
    {
        if (options.Attack is not (BlockCamouflage.Random or BlockCamouflage.DegreeBiased))
        {
            return 0;
        }

        var inBlock = new bool[options.Items];
        foreach (int item in blockItems)
        {
            inBlock[item] = true;
        }

        // Degree-biased camouflage picks honest items in proportion to their background degree; random camouflage uniformly.
        var weights = new double[options.Items];
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = inBlock[i] ? 0 : options.Attack == BlockCamouflage.DegreeBiased ? itemDegree[i] : 1;
        }

        var sampler = new PrefixSampler(weights);
        int added = 0;
        for (int a = 0; a < blockAccounts.Length; a++)
        {
            int wanted = (int)Math.Round(blockLikes[a] * options.CamouflageRatio);
            for (int k = 0, attempts = 0; k < wanted && attempts < (wanted * 20) + 20; attempts++)
            {
                if (Add(blockAccounts[a], sampler.Sample(rng), likes, edges))
                {
                    k++;
                    added++;
                }
            }
        }

        return added;
    }

    private static bool Add(int account, int item, HashSet<long> likes, List<(int, int)> edges)
    {
        if (!likes.Add(Key(account, item)))
        {
            return false;
        }

        edges.Add((account, item));
        return true;
    }

    private static long Key(int account, int item) => ((long)account << 32) | (uint)item;

    private static int[] Distinct(Pcg32 rng, int count, int wanted)
    {
        int[] all = [.. Enumerable.Range(0, count)];
        rng.Shuffle(all);
        int[] chosen = all[..wanted];
        Array.Sort(chosen);
        return chosen;
    }

    private static int[] Permutation(Pcg32 rng, int count)
    {
        int[] ids = [.. Enumerable.Range(1, count)];
        rng.Shuffle(ids);
        return ids;
    }

    private static void WriteEvents(
        string path, FraudarProtocolOptions options, List<(int Account, int Item)> edges, int[] times, int[] order, int[] accountId, int[] itemId,
        IProgress<GenerationProgress>? progress, CancellationToken cancellationToken)
    {
        string temporary = path + ".partial";
        try
        {
            using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false), 1 << 16))
            {
                writer.NewLine = "\n";
                writer.WriteLine("event_id,ts,type,actor,target,target_kind,value,device,ip");
                DateTime epoch = options.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                for (int n = 0; n < order.Length; n++)
                {
                    if ((n & 0xFFFF) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        progress?.Report(new GenerationProgress("events", n / (double)order.Length));
                    }

                    (int account, int item) = edges[order[n]];
                    writer.Write("syn-");
                    writer.Write((n + 1).ToString(CultureInfo.InvariantCulture));
                    writer.Write(',');
                    writer.Write(TruthWriter.Iso(epoch.AddSeconds(times[order[n]])));
                    writer.Write(",like,a");
                    writer.Write(accountId[account].ToString(CultureInfo.InvariantCulture));
                    writer.Write(",c");
                    writer.Write(itemId[item].ToString(CultureInfo.InvariantCulture));
                    writer.WriteLine(",content,,,");
                }
            }

            File.Move(temporary, path, overwrite: true);
            progress?.Report(new GenerationProgress("events", 1));
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static void WriteTruth(
        string path, FraudarProtocolOptions options, int accounts, int events, int background, int[] blockAccounts, int[] blockItems, int[] engagedItems,
        int[] accountId, int[] itemId, long planted, int inside, long pairs, int camouflage)
    {
        string attack = TruthWriter.CamouflageName(options.Attack);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("protocol", "fraudar");
        json.WriteNumber("seed", options.Seed);
        json.WriteNumber("accounts", accounts);
        json.WriteNumber("items", options.Items);
        json.WriteNumber("events", events);
        json.WriteNumber("backgroundLikes", background);
        json.WriteStartObject("options");
        json.WriteNumber("accounts", options.Accounts);
        json.WriteNumber("items", options.Items);
        json.WriteNumber("blockAccounts", options.BlockAccounts);
        json.WriteNumber("blockItems", options.BlockItems);
        json.WriteNumber("density", options.Density);
        json.WriteString("attack", attack);
        json.WriteNumber("backgroundDegree", options.BackgroundDegree);
        json.WriteNumber("camouflageRatio", options.CamouflageRatio);
        json.WriteString("start", options.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteNumber("days", options.Days);
        json.WriteEndObject();

        json.WriteStartArray("clusters");
        json.WriteStartObject();
        json.WriteString("id", "block-1");
        json.WriteString("kind", "block");
        TruthWriter.WriteMembers(json, "members", blockAccounts.Select(a => $"a{accountId[a]}"));
        // Items of the block nobody liked are ordinary items: only the ones the block delivered to are its targets.
        TruthWriter.WriteMembers(json, "targets", engagedItems.Select(i => $"c{itemId[i]}"));
        json.WriteNumber("blockItems", blockItems.Length);
        json.WriteNumber("density", options.Density);
        json.WriteNumber("realizedDensity", Math.Round(inside / (double)pairs, 6));
        json.WriteString("camouflage", attack);
        json.WriteNumber("engagements", planted);
        json.WriteNumber("camouflageEngagements", camouflage);
        string who = options.Attack == BlockCamouflage.Hijacked ? "hijacked existing accounts (their own likes are the camouflage)" : "new fake accounts";
        string how = options.Attack switch
        {
            BlockCamouflage.Random => $"; {camouflage:N0} camouflage likes of items outside the block chosen uniformly",
            BlockCamouflage.DegreeBiased => $"; {camouflage:N0} camouflage likes of items outside the block chosen in proportion to their degree",
            _ => "",
        };
        json.WriteString("description",
            $"FRAUDAR protocol block: {blockAccounts.Length} {who} × {blockItems.Length} existing items at density {options.Density:0.###} ({planted:N0} likes spread over {options.Days} days){how}.");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartArray("hardNegatives");
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
