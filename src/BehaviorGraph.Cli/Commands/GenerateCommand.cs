using System.ComponentModel;
using BehaviorGraph.Cli.Infrastructure;
using BehaviorGraph.Synthetic;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands;

/// <summary>
/// Writes a synthetic platform (default), a named grid scenario (<c>--scenario</c>) or FRAUDAR's injection protocol
/// (<c>--protocol fraudar</c>). Every adversary of the generator is an option; each is validated with a message
/// naming the flag.
/// </summary>
internal sealed class GenerateCommand : AsyncCommand<GenerateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--out <DIR>")]
        [Description("Directory to write events.csv, labels.csv and truth.json into (created if missing).")]
        public string Out { get; init; } = string.Empty;

        [CommandOption("--protocol <NAME>")]
        [Description("platform (a social platform with planted abuse; default) or fraudar (FRAUDAR's injection protocol: like events only, one planted block, no labels).")]
        public string Protocol { get; init; } = "platform";

        [CommandOption("--scenario <NAME>")]
        [Description("A named point of the recovery grid (see `bgraph bench recovery --list`), at --accounts and --seed.")]
        public string? Scenario { get; init; }

        [CommandOption("--accounts <N>")]
        [Description("Accounts on the simulated platform (about 50 events each; default 20,000), or honest accounts of the FRAUDAR background (default 2,000).")]
        public int? Accounts { get; init; }

        [CommandOption("--seed <S>")]
        [Description("Seed; the same options always write the same files.")]
        [DefaultValue(42)]
        public int Seed { get; init; } = 42;

        [CommandOption("--json")]
        [Description("Write the summary as JSON.")]
        public bool Json { get; init; }

        [CommandOption("--signup-days <N>")]
        [Description("Platform: days before the activity window over which accounts sign up (7-365; default 60).")]
        public int? SignupDays { get; init; }

        [CommandOption("--activity-days <N>")]
        [Description("Platform: length of the activity window in days (7-120; default 30).")]
        public int? ActivityDays { get; init; }

        [CommandOption("--benign-only")]
        [Description("Platform: plant no abuse at all (no rings, bot clusters, farms or engagement blocks); hard negatives stay.")]
        public bool BenignOnly { get; init; }

        [CommandOption("--rings-per-10k <R>")]
        [Description("Platform: spam rings per 10,000 accounts (0-100; default 4; 0 plants none).")]
        public double? RingsPer10k { get; init; }

        [CommandOption("--bots-per-10k <R>")]
        [Description("Platform: bot clusters per 10,000 accounts (0-100; default 3.33; 0 plants none).")]
        public double? BotsPer10k { get; init; }

        [CommandOption("--farms-per-10k <R>")]
        [Description("Platform: data-centre farms per 10,000 accounts (0-100; default 0).")]
        public double? FarmsPer10k { get; init; }

        [CommandOption("--blocks-per-10k <R>")]
        [Description("Platform: engagement blocks per 10,000 accounts (0-100; default 0).")]
        public double? BlocksPer10k { get; init; }

        [CommandOption("--friend-groups-per-10k <R>")]
        [Description("Platform: dense benign friend groups (hard negatives) per 10,000 accounts (0-200; default 0).")]
        public double? FriendGroupsPer10k { get; init; }

        [CommandOption("--viral-bursts <N>")]
        [Description("Platform: benign viral bursts (0-20; default 1).")]
        public int? ViralBursts { get; init; }

        [CommandOption("--ring-signup-days <A[-B]>")]
        [Description("Platform: days over which one ring's members sign up, drawn per ring (1-45; default 1-3).")]
        public string? RingSignupDays { get; init; }

        [CommandOption("--careful-fraction <F>")]
        [Description("Platform: share of ring members on their own device and home IP (0-1; default 0.4).")]
        public double? CarefulFraction { get; init; }

        [CommandOption("--careful-cover <C>")]
        [Description("Platform: ordinary cover activity of careful ring members, relative to a typical user (0-1; default 0): sessions, posts others like, strangers following them, carrier-NAT IPs.")]
        public double? CarefulCover { get; init; }

        [CommandOption("--ring-outreach <A[-B]>")]
        [Description("Platform: strangers each ring member contacts, drawn per member (0-500; default 15-50).")]
        public string? RingOutreach { get; init; }

        [CommandOption("--ring-camouflage <F>")]
        [Description("Platform: share of a ring member's outward actions that are camouflage on popular accounts and content (0-0.9; default 0.3).")]
        public double? RingCamouflage { get; init; }

        [CommandOption("--bot-spread-minutes <A[-B]>")]
        [Description("Platform: minutes over which one bot job's members act, drawn per cluster (1-240; default 10).")]
        public string? BotSpreadMinutes { get; init; }

        [CommandOption("--bot-timing <T>")]
        [Description("Platform: bursty (front-loaded; default) or uniform (evenly paced) bot jobs.")]
        public string? BotTiming { get; init; }

        [CommandOption("--bot-jobs <A[-B]>")]
        [Description("Platform: customer jobs per bot cluster (1-100; default 6-12).")]
        public string? BotJobs { get; init; }

        [CommandOption("--farm-size <A[-B]>")]
        [Description("Platform: emulator accounts per farm (10-2,000; default 60-150).")]
        public string? FarmSize { get; init; }

        [CommandOption("--farm-ips <A[-B]>")]
        [Description("Platform: data-centre IPs per farm (1-100; default 3-8).")]
        public string? FarmIps { get; init; }

        [CommandOption("--farm-signup-days <A[-B]>")]
        [Description("Platform: days over which one farm's accounts sign up (default 3-30).")]
        public string? FarmSignupDays { get; init; }

        [CommandOption("--block-accounts <A[-B]>")]
        [Description("Accounts per engagement block (platform: 5-5,000, default 100-200; fraudar: one number, default 200).")]
        public string? BlockAccounts { get; init; }

        [CommandOption("--block-targets <A[-B]>")]
        [Description("Targets per engagement block (platform: 2-5,000, default 50-150; fraudar: items, one number, default 200).")]
        public string? BlockTargets { get; init; }

        [CommandOption("--block-target-kind <K>")]
        [Description("Platform: content (likes; default), account (follows) or mixed.")]
        public string? BlockTargetKind { get; init; }

        [CommandOption("--density <D>")]
        [Description("Density of each engagement block: share of its accounts × targets pairs engaged (0.001-1; platform default 0.1, fraudar 0.04).")]
        public double? Density { get; init; }

        [CommandOption("--attack <A>")]
        [Description("Camouflage of engagement blocks: none, random, degree (degree-biased) or hijacked (platform default random, fraudar none).")]
        public string? Attack { get; init; }

        [CommandOption("--camouflage-ratio <R>")]
        [Description("Camouflage engagements per block engagement under random and degree camouflage (0-10; default 1).")]
        public double? CamouflageRatio { get; init; }

        [CommandOption("--friend-group-size <A[-B]>")]
        [Description("Platform: members per dense friend group (3-300; default 6-30).")]
        public string? FriendGroupSize { get; init; }

        [CommandOption("--items <N>")]
        [Description("Fraudar: items of the background graph (default 2,000).")]
        public int? Items { get; init; }

        [CommandOption("--background-degree <D>")]
        [Description("Fraudar: mean likes per honest account in the background (1-100; default 5).")]
        public double? BackgroundDegree { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Out))
            {
                return ValidationResult.Error("--out DIR is required.");
            }

            return Protocol.ToLowerInvariant() is "platform" or "fraudar"
                ? ValidationResult.Success()
                : ValidationResult.Error($"--protocol must be platform or fraudar (got '{Protocol}').");
        }
    }

    private static readonly Dictionary<string, string> PlatformFlags = new(StringComparer.Ordinal)
    {
        [nameof(SyntheticOptions.Accounts)] = "--accounts",
        [nameof(SyntheticOptions.SignupDays)] = "--signup-days",
        [nameof(SyntheticOptions.ActivityDays)] = "--activity-days",
        [nameof(SyntheticOptions.RingsPer10kAccounts)] = "--rings-per-10k",
        [nameof(SyntheticOptions.BotClustersPer10kAccounts)] = "--bots-per-10k",
        [nameof(SyntheticOptions.FarmsPer10kAccounts)] = "--farms-per-10k",
        [nameof(SyntheticOptions.BlocksPer10kAccounts)] = "--blocks-per-10k",
        [nameof(SyntheticOptions.FriendGroupsPer10kAccounts)] = "--friend-groups-per-10k",
        [nameof(SyntheticOptions.ViralBursts)] = "--viral-bursts",
        [nameof(SyntheticOptions.RingSignupDays)] = "--ring-signup-days",
        [nameof(SyntheticOptions.CarefulRingFraction)] = "--careful-fraction",
        [nameof(SyntheticOptions.CarefulRingCover)] = "--careful-cover",
        [nameof(SyntheticOptions.RingOutreach)] = "--ring-outreach",
        [nameof(SyntheticOptions.CamouflageRatio)] = "--ring-camouflage",
        [nameof(SyntheticOptions.BotJobSpreadMinutes)] = "--bot-spread-minutes",
        [nameof(SyntheticOptions.BotJobs)] = "--bot-jobs",
        [nameof(SyntheticOptions.FarmSize)] = "--farm-size",
        [nameof(SyntheticOptions.FarmIps)] = "--farm-ips",
        [nameof(SyntheticOptions.FarmSignupDays)] = "--farm-signup-days",
        [nameof(SyntheticOptions.BlockAccounts)] = "--block-accounts",
        [nameof(SyntheticOptions.BlockTargets)] = "--block-targets",
        [nameof(SyntheticOptions.BlockDensity)] = "--density",
        [nameof(SyntheticOptions.BlockCamouflageRatio)] = "--camouflage-ratio",
        [nameof(SyntheticOptions.FriendGroupSize)] = "--friend-group-size",
    };

    private static readonly Dictionary<string, string> FraudarFlags = new(StringComparer.Ordinal)
    {
        [nameof(FraudarProtocolOptions.Accounts)] = "--accounts",
        [nameof(FraudarProtocolOptions.BlockAccounts)] = "--block-accounts",
        [nameof(FraudarProtocolOptions.Items)] = "--items",
        [nameof(FraudarProtocolOptions.BlockItems)] = "--block-targets",
        [nameof(FraudarProtocolOptions.Density)] = "--density",
        [nameof(FraudarProtocolOptions.BackgroundDegree)] = "--background-degree",
        [nameof(FraudarProtocolOptions.CamouflageRatio)] = "--camouflage-ratio",
    };

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        SyntheticScenario scenario = Resolve(settings);
        GenerationSummary summary;
        if (settings.Json || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            summary = scenario.Generate(settings.Out, null, cancellationToken);
        }
        else
        {
            summary = AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                .Start(progress =>
                {
                    var task = progress.AddTask("generating", maxValue: 1);
                    var reporter = new SynchronousProgress<GenerationProgress>(p =>
                    {
                        task.Description = p.Stage;
                        task.Value = Math.Clamp(p.Fraction, 0, 1);
                    });
                    var result = scenario.Generate(settings.Out, reporter, cancellationToken);
                    task.Value = 1;
                    return result;
                });
        }

        if (settings.Json)
        {
            JsonOutput.Write(summary);
            return Task.FromResult(ExitCodes.Ok);
        }

        var table = new Table().Title(summary.Protocol == "fraudar" ? "FRAUDAR injection protocol" : "Synthetic platform").AddColumns("", "");
        table.AddRow("events", $"{summary.Events:N0}  [dim]{TerminalText.Markup(summary.EventsPath)}[/]");
        table.AddRow("accounts", $"{summary.Accounts:N0}");
        if (summary.Protocol == "platform")
        {
            table.AddRow("planted spam rings", $"{summary.Rings:N0}");
            table.AddRow("planted bot clusters", $"{summary.BotClusters:N0}");
            table.AddRow("planted farms", $"{summary.Farms:N0}");
        }

        table.AddRow("planted engagement blocks", $"{summary.Blocks:N0}");
        if (summary.Protocol == "platform")
        {
            table.AddRow("hard negatives", $"{summary.HardNegatives:N0} (viral bursts, friend groups)");
            table.AddRow("labels", $"{summary.LabelledAbusive:N0} abusive, {summary.LabelledBenign:N0} benign  [dim]{TerminalText.Markup(summary.LabelsPath ?? "")}[/]");
        }

        table.AddRow("truth", $"[dim]{TerminalText.Markup(summary.TruthPath)}[/]");
        AnsiConsole.Write(table);
        return Task.FromResult(ExitCodes.Ok);
    }

    /// <summary>The scenario the flags describe, validated; every mistake is a <see cref="UserFacingException"/> naming the flag.</summary>
    internal static SyntheticScenario Resolve(Settings settings)
    {
        bool fraudar = settings.Protocol.Equals("fraudar", StringComparison.OrdinalIgnoreCase);
        (string Flag, bool Set, bool Platform, bool Fraudar)[] flags =
        [
            ("--signup-days", settings.SignupDays is not null, true, false),
            ("--activity-days", settings.ActivityDays is not null, true, false),
            ("--benign-only", settings.BenignOnly, true, false),
            ("--rings-per-10k", settings.RingsPer10k is not null, true, false),
            ("--bots-per-10k", settings.BotsPer10k is not null, true, false),
            ("--farms-per-10k", settings.FarmsPer10k is not null, true, false),
            ("--blocks-per-10k", settings.BlocksPer10k is not null, true, false),
            ("--friend-groups-per-10k", settings.FriendGroupsPer10k is not null, true, false),
            ("--viral-bursts", settings.ViralBursts is not null, true, false),
            ("--ring-signup-days", settings.RingSignupDays is not null, true, false),
            ("--careful-fraction", settings.CarefulFraction is not null, true, false),
            ("--careful-cover", settings.CarefulCover is not null, true, false),
            ("--ring-outreach", settings.RingOutreach is not null, true, false),
            ("--ring-camouflage", settings.RingCamouflage is not null, true, false),
            ("--bot-spread-minutes", settings.BotSpreadMinutes is not null, true, false),
            ("--bot-timing", settings.BotTiming is not null, true, false),
            ("--bot-jobs", settings.BotJobs is not null, true, false),
            ("--farm-size", settings.FarmSize is not null, true, false),
            ("--farm-ips", settings.FarmIps is not null, true, false),
            ("--farm-signup-days", settings.FarmSignupDays is not null, true, false),
            ("--block-target-kind", settings.BlockTargetKind is not null, true, false),
            ("--friend-group-size", settings.FriendGroupSize is not null, true, false),
            ("--block-accounts", settings.BlockAccounts is not null, true, true),
            ("--block-targets", settings.BlockTargets is not null, true, true),
            ("--density", settings.Density is not null, true, true),
            ("--attack", settings.Attack is not null, true, true),
            ("--camouflage-ratio", settings.CamouflageRatio is not null, true, true),
            ("--items", settings.Items is not null, false, true),
            ("--background-degree", settings.BackgroundDegree is not null, false, true),
        ];

        if (settings.Scenario is { } name)
        {
            string[] extra = [.. flags.Where(f => f.Set).Select(f => f.Flag)];
            if (extra.Length > 0 || !settings.Protocol.Equals("platform", StringComparison.OrdinalIgnoreCase))
            {
                throw new UserFacingException($"--scenario fixes every generator setting; it takes only --accounts, --seed, --out and --json (also given: {string.Join(", ", extra.DefaultIfEmpty("--protocol"))}).");
            }

            var grid = SyntheticGrid.Default(settings.Accounts ?? 20_000, settings.Seed);
            SyntheticScenario? point = grid.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                ?? throw new UserFacingException($"No scenario '{name}'; the grid has: {string.Join(", ", grid.Select(p => p.Name))}.");
            return Validated(point);
        }

        string[] misplaced = [.. flags.Where(f => f.Set && !(fraudar ? f.Fraudar : f.Platform)).Select(f => f.Flag)];
        if (misplaced.Length > 0)
        {
            throw new UserFacingException(
                $"{string.Join(", ", misplaced)} {(misplaced.Length == 1 ? "does" : "do")} not apply to --protocol {(fraudar ? "fraudar" : "platform")}.");
        }

        return Validated(fraudar ? new SyntheticScenario("fraudar", "FRAUDAR protocol", FraudarOptions(settings)) : new SyntheticScenario("platform", "platform", PlatformOptions(settings)));
    }

    private static SyntheticOptions PlatformOptions(Settings s)
    {
        var o = new SyntheticOptions(s.Accounts ?? 20_000, s.Seed);
        if (s.BenignOnly)
        {
            string[] rates = [.. new[] { ("--rings-per-10k", s.RingsPer10k), ("--bots-per-10k", s.BotsPer10k), ("--farms-per-10k", s.FarmsPer10k), ("--blocks-per-10k", s.BlocksPer10k) }
                .Where(r => r.Item2 is > 0).Select(r => r.Item1)];
            if (rates.Length > 0)
            {
                throw new UserFacingException($"--benign-only plants no abuse; it cannot be combined with {string.Join(", ", rates)}.");
            }

            o = o.BenignOnly();
        }

        return o with
        {
            SignupDays = s.SignupDays ?? o.SignupDays,
            ActivityDays = s.ActivityDays ?? o.ActivityDays,
            RingsPer10kAccounts = s.RingsPer10k ?? o.RingsPer10kAccounts,
            BotClustersPer10kAccounts = s.BotsPer10k ?? o.BotClustersPer10kAccounts,
            FarmsPer10kAccounts = s.FarmsPer10k ?? o.FarmsPer10kAccounts,
            BlocksPer10kAccounts = s.BlocksPer10k ?? o.BlocksPer10kAccounts,
            FriendGroupsPer10kAccounts = s.FriendGroupsPer10k ?? o.FriendGroupsPer10kAccounts,
            ViralBursts = s.ViralBursts ?? o.ViralBursts,
            RingSignupDays = Range("--ring-signup-days", s.RingSignupDays) ?? o.RingSignupDays,
            CarefulRingFraction = s.CarefulFraction ?? o.CarefulRingFraction,
            CarefulRingCover = s.CarefulCover ?? o.CarefulRingCover,
            RingOutreach = Range("--ring-outreach", s.RingOutreach) ?? o.RingOutreach,
            CamouflageRatio = s.RingCamouflage ?? o.CamouflageRatio,
            BotJobSpreadMinutes = Range("--bot-spread-minutes", s.BotSpreadMinutes) ?? o.BotJobSpreadMinutes,
            BotJobTiming = s.BotTiming is null ? o.BotJobTiming : Timing(s.BotTiming),
            BotJobs = Range("--bot-jobs", s.BotJobs) ?? o.BotJobs,
            FarmSize = Range("--farm-size", s.FarmSize) ?? o.FarmSize,
            FarmIps = Range("--farm-ips", s.FarmIps) ?? o.FarmIps,
            FarmSignupDays = Range("--farm-signup-days", s.FarmSignupDays) ?? o.FarmSignupDays,
            BlockAccounts = Range("--block-accounts", s.BlockAccounts) ?? o.BlockAccounts,
            BlockTargets = Range("--block-targets", s.BlockTargets) ?? o.BlockTargets,
            BlockTargetKind = s.BlockTargetKind is null ? o.BlockTargetKind : TargetKind(s.BlockTargetKind),
            BlockDensity = s.Density ?? o.BlockDensity,
            BlockCamouflage = s.Attack is null ? o.BlockCamouflage : Attack(s.Attack),
            BlockCamouflageRatio = s.CamouflageRatio ?? o.BlockCamouflageRatio,
            FriendGroupSize = Range("--friend-group-size", s.FriendGroupSize) ?? o.FriendGroupSize,
        };
    }

    private static FraudarProtocolOptions FraudarOptions(Settings s)
    {
        var o = new FraudarProtocolOptions(s.Density ?? 0.04, s.Attack is null ? BlockCamouflage.None : Attack(s.Attack), s.Seed);
        return o with
        {
            Accounts = s.Accounts ?? o.Accounts,
            Items = s.Items ?? o.Items,
            BlockAccounts = Single("--block-accounts", s.BlockAccounts) ?? o.BlockAccounts,
            BlockItems = Single("--block-targets", s.BlockTargets) ?? o.BlockItems,
            BackgroundDegree = s.BackgroundDegree ?? o.BackgroundDegree,
            CamouflageRatio = s.CamouflageRatio ?? o.CamouflageRatio,
        };
    }

    private static SyntheticScenario Validated(SyntheticScenario scenario)
    {
        try
        {
            scenario.Platform?.Validate();
            scenario.Fraudar?.Validate();
            return scenario;
        }
        catch (ArgumentException ex)
        {
            string message = ex.Message.Split(" (Parameter", 2)[0];
            var flags = scenario.Platform is not null ? PlatformFlags : FraudarFlags;
            throw new UserFacingException(ex.ParamName is { } name && flags.TryGetValue(name, out string? flag) ? $"{flag}: {message}" : message, ex);
        }
    }

    private static SyntheticRange? Range(string flag, string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return SyntheticRange.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new UserFacingException($"{flag}: {ex.Message}", ex);
        }
    }

    private static int? Single(string flag, string? text)
    {
        SyntheticRange? range = Range(flag, text);
        if (range is { } r && r.Min != r.Max)
        {
            throw new UserFacingException($"{flag} takes one number with --protocol fraudar (got {r}).");
        }

        return range?.Min;
    }

    internal static BlockCamouflage Attack(string text) => text.ToLowerInvariant() switch
    {
        "none" => BlockCamouflage.None,
        "random" => BlockCamouflage.Random,
        "degree" or "degree-biased" or "biased" => BlockCamouflage.DegreeBiased,
        "hijacked" => BlockCamouflage.Hijacked,
        _ => throw new UserFacingException($"--attack must be none, random, degree or hijacked (got '{text}')."),
    };

    private static BotJobTiming Timing(string text) => text.ToLowerInvariant() switch
    {
        "bursty" => BotJobTiming.Bursty,
        "uniform" => BotJobTiming.Uniform,
        _ => throw new UserFacingException($"--bot-timing must be bursty or uniform (got '{text}')."),
    };

    private static BlockTargetKind TargetKind(string text) => text.ToLowerInvariant() switch
    {
        "content" => Synthetic.BlockTargetKind.Content,
        "account" or "accounts" => Synthetic.BlockTargetKind.Account,
        "mixed" => Synthetic.BlockTargetKind.Mixed,
        _ => throw new UserFacingException($"--block-target-kind must be content, account or mixed (got '{text}')."),
    };
}
