using System.Globalization;

namespace BehaviorGraph.Synthetic;

/// <summary>
/// The named generator settings detectors are measured and tested across: today's platform, a benign-only
/// platform with hard negatives, each adversary variant on its own (ring signup spread, careful rings with cover,
/// outreach, bot job spread and pacing, data-centre farms, engagement blocks under the four attacks), all of them at
/// once, and FRAUDAR's injection protocol at densities 0.01–0.10 under the four attacks. Every point is a pure
/// function of (accounts, seed); names are stable.
/// </summary>
public static class SyntheticGrid
{
    public static IReadOnlyList<double> FraudarDensities { get; } = [0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.10];

    public static IReadOnlyList<BlockCamouflage> FraudarAttacks { get; } =
        [BlockCamouflage.None, BlockCamouflage.Random, BlockCamouflage.DegreeBiased, BlockCamouflage.Hijacked];

    /// <summary>Points of the default grid that a quick run keeps: one of each family.</summary>
    public static IReadOnlyList<string> QuickNames { get; } =
    [
        "default", "benign-only", "careful-rings", "bots-60min-uniform", "farms", "blocks-random", "everything",
        "fraudar-none-0.04", "fraudar-random-0.04", "fraudar-degree-0.04", "fraudar-hijacked-0.04",
    ];

    /// <summary>Every platform point followed by every FRAUDAR point.</summary>
    public static IReadOnlyList<SyntheticScenario> Default(int accounts, int seed) => [.. Platform(accounts, seed), .. Fraudar(seed)];

    /// <summary>One point per family (<see cref="QuickNames"/>).</summary>
    public static IReadOnlyList<SyntheticScenario> Quick(int accounts, int seed) =>
        [.. Default(accounts, seed).Where(p => QuickNames.Contains(p.Name))];

    public static IReadOnlyList<SyntheticScenario> Platform(int accounts, int seed)
    {
        var baseline = new SyntheticOptions(accounts, seed);
        SyntheticOptions hardNegatives = baseline with { FriendGroupsPer10kAccounts = 5, ViralBursts = 5 };
        SyntheticOptions careful = baseline with { CarefulRingFraction = 1, CarefulRingCover = 1 };
        SyntheticOptions blocks = baseline with { BlocksPer10kAccounts = 2 };
        return
        [
            new("default", "today's platform: spam rings signing up within 1-3 days, bot jobs front-loaded within 10 minutes, one viral burst", baseline),
            new("benign-only", "no planted abuse at all; dense friend groups and five viral bursts as hard negatives (every reported ring, bot or block cluster is false)",
                hardNegatives.BenignOnly()),
            new("hard-negatives", "today's abuse among dense benign friend groups (5 per 10k accounts, half joined together) and five viral bursts", hardNegatives),
            new("ring-signup-14d", "ring members sign up over 14 days", baseline with { RingSignupDays = SyntheticRange.Exactly(14) }),
            new("ring-signup-45d", "ring members sign up over 45 days", baseline with { RingSignupDays = SyntheticRange.Exactly(45) }),
            new("careful-rings", "every ring member careful (own device, home and carrier-NAT IPs) with full cover activity; signups over 7-30 days, 5-20 strangers each",
                careful with { RingSignupDays = new(7, 30), RingOutreach = new(5, 20) }),
            new("careful-rings-quiet", "careful rings with full cover, signups over 45 days, 0-5 strangers each",
                careful with { RingSignupDays = SyntheticRange.Exactly(45), RingOutreach = new(0, 5) }),
            new("ring-outreach-0", "rings that contact no strangers (so draw no reports)", baseline with { RingOutreach = SyntheticRange.Exactly(0) }),
            new("ring-outreach-50", "rings whose members each contact 50 strangers", baseline with { RingOutreach = SyntheticRange.Exactly(50) }),
            new("bots-5min", "bot jobs front-loaded within 5 minutes", baseline with { BotJobSpreadMinutes = SyntheticRange.Exactly(5) }),
            new("bots-30min-uniform", "bot jobs paced evenly over 30 minutes",
                baseline with { BotJobSpreadMinutes = SyntheticRange.Exactly(30), BotJobTiming = BotJobTiming.Uniform }),
            new("bots-60min-uniform", "bot jobs paced evenly over 60 minutes",
                baseline with { BotJobSpreadMinutes = SyntheticRange.Exactly(60), BotJobTiming = BotJobTiming.Uniform }),
            new("bots-60min-bursty", "bot jobs front-loaded with a tail to 60 minutes", baseline with { BotJobSpreadMinutes = SyntheticRange.Exactly(60) }),
            new("farms", "data-centre farms of 100 emulator accounts on 5 IPs (2 per 10k accounts), signups over 5-30 days",
                baseline with { FarmsPer10kAccounts = 2, FarmSize = SyntheticRange.Exactly(100), FarmIps = SyntheticRange.Exactly(5), FarmSignupDays = new(5, 30) }),
            new("farms-large", "data-centre farms of 200-400 emulator accounts on 3-6 IPs",
                baseline with { FarmsPer10kAccounts = 1, FarmSize = new(200, 400), FarmIps = new(3, 6) }),
            new("blocks-none", "engagement blocks (100-200 fake accounts × 50-150 posts at density 0.1), no camouflage", blocks with { BlockCamouflage = BlockCamouflage.None }),
            new("blocks-random", "engagement blocks with random camouflage (one outside like per block like)", blocks with { BlockCamouflage = BlockCamouflage.Random }),
            new("blocks-degree", "engagement blocks with degree-biased camouflage (popular posts)", blocks with { BlockCamouflage = BlockCamouflage.DegreeBiased }),
            new("blocks-hijacked", "engagement blocks delivered by hijacked real accounts", blocks with { BlockCamouflage = BlockCamouflage.Hijacked }),
            new("blocks-follows", "engagement blocks of bought follows (account targets), random camouflage", blocks with { BlockTargetKind = BlockTargetKind.Account }),
            new("blocks-sparse", "engagement blocks at density 0.03, random camouflage", blocks with { BlockDensity = 0.03 }),
            new("everything", "all adversaries at once among hard negatives: careful covered rings (70%, signups over 3-30 days, 5-30 strangers), bot jobs over 5-60 minutes evenly paced, farms, mixed degree-camouflaged blocks",
                hardNegatives with
                {
                    CarefulRingFraction = 0.7,
                    CarefulRingCover = 1,
                    RingSignupDays = new(3, 30),
                    RingOutreach = new(5, 30),
                    BotJobSpreadMinutes = new(5, 60),
                    BotJobTiming = BotJobTiming.Uniform,
                    FarmsPer10kAccounts = 1,
                    FarmSize = new(80, 200),
                    BlocksPer10kAccounts = 1,
                    BlockTargetKind = BlockTargetKind.Mixed,
                    BlockCamouflage = BlockCamouflage.DegreeBiased,
                }),
        ];
    }

    /// <summary>FRAUDAR's protocol: 200 × 200 blocks in a 2,000 × 2,000 background, every density in <see cref="FraudarDensities"/> under every attack.</summary>
    public static IReadOnlyList<SyntheticScenario> Fraudar(int seed)
    {
        var points = new List<SyntheticScenario>();
        foreach (BlockCamouflage attack in FraudarAttacks)
        {
            foreach (double density in FraudarDensities)
            {
                string name = string.Create(CultureInfo.InvariantCulture, $"fraudar-{AttackName(attack)}-{density:0.00}");
                points.Add(new SyntheticScenario(name, $"FRAUDAR protocol, {AttackName(attack)} attack, density {density:0.00}", new FraudarProtocolOptions(density, attack, seed)));
            }
        }

        return points;
    }

    /// <summary>The attack's name as the CLI and truth.json spell it: none, random, degree, hijacked.</summary>
    public static string AttackName(BlockCamouflage attack) => Simulation.TruthWriter.CamouflageName(attack);
}
