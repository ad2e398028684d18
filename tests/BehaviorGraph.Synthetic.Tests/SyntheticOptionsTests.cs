namespace BehaviorGraph.Synthetic.Tests;

public sealed class SyntheticOptionsTests
{
    public static TheoryData<string, string, string> InvalidOptions => new()
    {
        { "RingSignupDays 0", nameof(SyntheticOptions.RingSignupDays), "between 1 and 45 days" },
        { "RingSignupDays 46", nameof(SyntheticOptions.RingSignupDays), "between 1 and 45 days" },
        { "RingSignupDays 20 with SignupDays 14", nameof(SyntheticOptions.RingSignupDays), "at most SignupDays, 14" },
        { "CarefulRingFraction 1.1", nameof(SyntheticOptions.CarefulRingFraction), "between 0 and 1" },
        { "CarefulRingFraction -0.1", nameof(SyntheticOptions.CarefulRingFraction), "between 0 and 1" },
        { "CarefulRingCover 2", nameof(SyntheticOptions.CarefulRingCover), "between 0 and 1" },
        { "RingOutreach 501", nameof(SyntheticOptions.RingOutreach), "between 0 and 500 strangers per member" },
        { "BotJobSpreadMinutes 0", nameof(SyntheticOptions.BotJobSpreadMinutes), "between 1 and 240 minutes" },
        { "BotJobSpreadMinutes 241", nameof(SyntheticOptions.BotJobSpreadMinutes), "between 1 and 240 minutes" },
        { "BotJobTiming 7", nameof(SyntheticOptions.BotJobTiming), "bursty or uniform" },
        { "BotJobs 0", nameof(SyntheticOptions.BotJobs), "between 1 and 100 jobs" },
        { "FarmsPer10kAccounts -1", nameof(SyntheticOptions.FarmsPer10kAccounts), "between 0 and 100" },
        { "FarmSize 5", nameof(SyntheticOptions.FarmSize), "between 10 and 2000 accounts" },
        { "FarmIps 0", nameof(SyntheticOptions.FarmIps), "between 1 and 100 IPs" },
        { "FarmSignupDays 61", nameof(SyntheticOptions.FarmSignupDays), "at most SignupDays, 60" },
        { "BlocksPer10kAccounts 101", nameof(SyntheticOptions.BlocksPer10kAccounts), "between 0 and 100" },
        { "BlockAccounts 4", nameof(SyntheticOptions.BlockAccounts), "between 5 and 5000 accounts" },
        { "BlockTargets 1", nameof(SyntheticOptions.BlockTargets), "between 2 and 5000 targets" },
        { "BlockDensity 0", nameof(SyntheticOptions.BlockDensity), "between 0.001 and 1" },
        { "BlockDensity 1 on 5000 x 5000", nameof(SyntheticOptions.BlockDensity), "more than 2,000,000 events" },
        { "BlockDensity 0.01 with 50 targets", nameof(SyntheticOptions.BlockDensity), "every block account engages at least one target" },
        { "BlockCamouflage 9", nameof(SyntheticOptions.BlockCamouflage), "none, random, degree or hijacked" },
        { "BlockCamouflageRatio 11", nameof(SyntheticOptions.BlockCamouflageRatio), "between 0 and 10" },
        { "FriendGroupsPer10kAccounts 201", nameof(SyntheticOptions.FriendGroupsPer10kAccounts), "between 0 and 200" },
        { "FriendGroupSize 2", nameof(SyntheticOptions.FriendGroupSize), "between 3 and 300 members" },
        { "ViralBursts 21", nameof(SyntheticOptions.ViralBursts), "between 0 and 20" },
        { "too much abuse for 1,000 accounts", nameof(SyntheticOptions.Accounts), "more than half of the platform" },
        { "hijacking most of the benign accounts", nameof(SyntheticOptions.BlockAccounts), "more than half of the" },
    };

    [Fact]
    public void Defaults_AreValid_WithTwentyThousandAccountsAndSeed42_AndPlantOnlyRingsAndBots()
    {
        var options = new SyntheticOptions();

        options.Validate();

        Assert.Equal(20_000, options.Accounts);
        Assert.Equal(42, options.Seed);
        Assert.Equal((0.0, 0.0, 0.0, 1), (options.FarmsPer10kAccounts, options.BlocksPer10kAccounts, options.FriendGroupsPer10kAccounts, options.ViralBursts));
        Assert.False(options.PlantsNoAbuse);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(199)]
    [InlineData(5_000_001)]
    public void Validate_RejectsAccountCountOutsideBounds_WithMessageNamingTheBounds(int accounts)
    {
        var error = Assert.Throws<ArgumentException>(() => new SyntheticOptions(accounts).Validate());

        Assert.Equal("Accounts", error.ParamName);
        Assert.Contains("200", error.Message, StringComparison.Ordinal);
        Assert.Contains("5,000,000", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Validate_RejectsEachOptionOutOfRange_NamingItAndItsBounds(string mistake, string param, string message)
    {
        SyntheticOptions options = Invalid(mistake);

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(param, error.ParamName);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BenignOnly_TurnsEveryKindOfAbuseOff_AndKeepsTheHardNegatives()
    {
        var options = new SyntheticOptions { FarmsPer10kAccounts = 2, BlocksPer10kAccounts = 2, FriendGroupsPer10kAccounts = 5, ViralBursts = 4 }.BenignOnly();

        Assert.True(options.PlantsNoAbuse);
        Assert.Equal((5.0, 4), (options.FriendGroupsPer10kAccounts, options.ViralBursts));
        options.Validate();
    }

    [Fact]
    public void Generate_RejectsInvalidOptions_BeforeCreatingTheOutputDirectory()
    {
        string directory = Path.Combine(Path.GetTempPath(), "bg-synthetic-invalid-" + Path.GetRandomFileName());

        Assert.Throws<ArgumentException>(() => SyntheticPlatform.Generate(new SyntheticOptions(100), directory));
        Assert.Throws<ArgumentException>(() => SyntheticPlatform.Generate(new SyntheticOptions { BotJobSpreadMinutes = new(0, 5) }, directory));

        Assert.False(Directory.Exists(directory));
    }

    [Theory]
    [InlineData("5", 5, 5)]
    [InlineData("5-60", 5, 60)]
    [InlineData(" 0-0 ", 0, 0)]
    public void SyntheticRange_ParsesANumberOrARange(string text, int min, int max)
    {
        Assert.Equal(new SyntheticRange(min, max), SyntheticRange.Parse(text));
        Assert.Equal(text.Trim() == "0-0" ? "0" : text.Trim(), SyntheticRange.Parse(text).ToString());
    }

    [Theory]
    [InlineData("60-5", "lower bound 60 is above the upper bound 5")]
    [InlineData("a", "not a whole number or a range")]
    [InlineData("1-2-3", "not a whole number or a range")]
    [InlineData("-5", "not a whole number or a range")]
    [InlineData("", "not a whole number or a range")]
    public void SyntheticRange_RejectsAnythingElse_WithAClearMessage(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => SyntheticRange.Parse(text));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static SyntheticOptions Invalid(string mistake) => mistake switch
    {
        "RingSignupDays 0" => new SyntheticOptions { RingSignupDays = new(0, 3) },
        "RingSignupDays 46" => new SyntheticOptions { RingSignupDays = new(1, 46) },
        "RingSignupDays 20 with SignupDays 14" => new SyntheticOptions { SignupDays = 14, RingSignupDays = SyntheticRange.Exactly(20) },
        "CarefulRingFraction 1.1" => new SyntheticOptions { CarefulRingFraction = 1.1 },
        "CarefulRingFraction -0.1" => new SyntheticOptions { CarefulRingFraction = -0.1 },
        "CarefulRingCover 2" => new SyntheticOptions { CarefulRingCover = 2 },
        "RingOutreach 501" => new SyntheticOptions { RingOutreach = new(0, 501) },
        "BotJobSpreadMinutes 0" => new SyntheticOptions { BotJobSpreadMinutes = new(0, 10) },
        "BotJobSpreadMinutes 241" => new SyntheticOptions { BotJobSpreadMinutes = new(5, 241) },
        "BotJobTiming 7" => new SyntheticOptions { BotJobTiming = (BotJobTiming)7 },
        "BotJobs 0" => new SyntheticOptions { BotJobs = new(0, 3) },
        "FarmsPer10kAccounts -1" => new SyntheticOptions { FarmsPer10kAccounts = -1 },
        "FarmSize 5" => new SyntheticOptions { FarmSize = new(5, 50) },
        "FarmIps 0" => new SyntheticOptions { FarmIps = new(0, 4) },
        "FarmSignupDays 61" => new SyntheticOptions { FarmsPer10kAccounts = 1, FarmSignupDays = new(3, 61) },
        "BlocksPer10kAccounts 101" => new SyntheticOptions { BlocksPer10kAccounts = 101 },
        "BlockAccounts 4" => new SyntheticOptions { BlockAccounts = new(4, 50) },
        "BlockTargets 1" => new SyntheticOptions { BlockTargets = new(1, 50) },
        "BlockDensity 0" => new SyntheticOptions { BlockDensity = 0 },
        "BlockDensity 1 on 5000 x 5000" => new SyntheticOptions { BlockAccounts = SyntheticRange.Exactly(5_000), BlockTargets = SyntheticRange.Exactly(5_000), BlockDensity = 1 },
        "BlockDensity 0.01 with 50 targets" => new SyntheticOptions { BlockDensity = 0.01 },
        "BlockCamouflage 9" => new SyntheticOptions { BlockCamouflage = (BlockCamouflage)9 },
        "BlockCamouflageRatio 11" => new SyntheticOptions { BlockCamouflageRatio = 11 },
        "FriendGroupsPer10kAccounts 201" => new SyntheticOptions { FriendGroupsPer10kAccounts = 201 },
        "FriendGroupSize 2" => new SyntheticOptions { FriendGroupSize = new(2, 10) },
        "ViralBursts 21" => new SyntheticOptions { ViralBursts = 21 },
        "too much abuse for 1,000 accounts" => new SyntheticOptions(1_000) { FarmsPer10kAccounts = 10, FarmSize = new(400, 600) },
        "hijacking most of the benign accounts" => new SyntheticOptions(1_000) { BlocksPer10kAccounts = 10, BlockAccounts = SyntheticRange.Exactly(450), BlockCamouflage = BlockCamouflage.Hijacked },
        _ => throw new ArgumentOutOfRangeException(nameof(mistake), mistake, null),
    };
}
