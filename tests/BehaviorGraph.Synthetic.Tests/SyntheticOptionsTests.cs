namespace BehaviorGraph.Synthetic.Tests;

public sealed class SyntheticOptionsTests
{
    [Fact]
    public void Defaults_AreValid_WithTwentyThousandAccountsAndSeed42()
    {
        var options = new SyntheticOptions();

        options.Validate();

        Assert.Equal(20_000, options.Accounts);
        Assert.Equal(42, options.Seed);
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

    [Fact]
    public void Validate_RejectsCarefulRingFractionBelowThirtyPercent()
    {
        var error = Assert.Throws<ArgumentException>(() => new SyntheticOptions { CarefulRingFraction = 0.2 }.Validate());

        Assert.Equal(nameof(SyntheticOptions.CarefulRingFraction), error.ParamName);
    }

    [Fact]
    public void Generate_RejectsInvalidOptions_BeforeCreatingTheOutputDirectory()
    {
        string directory = Path.Combine(Path.GetTempPath(), "bg-synthetic-invalid-" + Path.GetRandomFileName());

        Assert.Throws<ArgumentException>(() => SyntheticPlatform.Generate(new SyntheticOptions(100), directory));

        Assert.False(Directory.Exists(directory));
    }
}
