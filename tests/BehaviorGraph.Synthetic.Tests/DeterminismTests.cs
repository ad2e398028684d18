namespace BehaviorGraph.Synthetic.Tests;

public sealed class DeterminismTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "bg-synthetic-det-" + Path.GetRandomFileName());

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Generate_WritesByteIdenticalFiles_ForTheSameSeed()
    {
        GenerationSummary first = SyntheticPlatform.Generate(new SyntheticOptions(600, Seed: 11), Path.Combine(_root, "a"));
        GenerationSummary second = SyntheticPlatform.Generate(new SyntheticOptions(600, Seed: 11), Path.Combine(_root, "b"));

        Assert.Equal(File.ReadAllBytes(first.EventsPath), File.ReadAllBytes(second.EventsPath));
        Assert.Equal(File.ReadAllBytes(first.LabelsPath!), File.ReadAllBytes(second.LabelsPath!));
        Assert.Equal(File.ReadAllBytes(first.TruthPath), File.ReadAllBytes(second.TruthPath));
        Assert.Equal(first with { EventsPath = "", LabelsPath = "", TruthPath = "" }, second with { EventsPath = "", LabelsPath = "", TruthPath = "" });
    }

    [Fact]
    public void Generate_WritesDifferentFiles_ForADifferentSeed()
    {
        GenerationSummary first = SyntheticPlatform.Generate(new SyntheticOptions(600, Seed: 11), Path.Combine(_root, "a"));
        GenerationSummary second = SyntheticPlatform.Generate(new SyntheticOptions(600, Seed: 12), Path.Combine(_root, "b"));

        Assert.NotEqual(File.ReadAllBytes(first.EventsPath), File.ReadAllBytes(second.EventsPath));
        Assert.NotEqual(File.ReadAllBytes(first.TruthPath), File.ReadAllBytes(second.TruthPath));
    }

    [Theory]
    [InlineData("everything")]
    [InlineData("benign-only")]
    [InlineData("blocks-hijacked")]
    [InlineData("fraudar-degree-0.05")]
    public void EveryVariant_IsAPureFunctionOfItsOptions(string name)
    {
        SyntheticScenario first = SyntheticGrid.Default(1_500, 5).Single(p => p.Name == name);
        SyntheticScenario same = SyntheticGrid.Default(1_500, 5).Single(p => p.Name == name);
        SyntheticScenario other = SyntheticGrid.Default(1_500, 6).Single(p => p.Name == name);

        GenerationSummary a = first.Generate(Path.Combine(_root, "a"));
        GenerationSummary b = same.Generate(Path.Combine(_root, "b"));
        GenerationSummary c = other.Generate(Path.Combine(_root, "c"));

        Assert.Equal(File.ReadAllBytes(a.EventsPath), File.ReadAllBytes(b.EventsPath));
        Assert.Equal(File.ReadAllBytes(a.TruthPath), File.ReadAllBytes(b.TruthPath));
        Assert.NotEqual(File.ReadAllBytes(a.EventsPath), File.ReadAllBytes(c.EventsPath));
    }

    [Fact]
    public void Generate_ReportsProgressPerStage_EndingWithAllEventsWritten()
    {
        var reports = new List<GenerationProgress>();
        var progress = new SynchronousProgress(reports.Add);

        SyntheticPlatform.Generate(new SyntheticOptions(300, Seed: 1), Path.Combine(_root, "p"), progress);

        Assert.All(reports, r => Assert.InRange(r.Fraction, 0, 1));
        Assert.Equal(["plan", "abuse", "events", "labels", "truth"], reports.Select(r => r.Stage).Distinct());
        Assert.Equal(1.0, reports.Last(r => r.Stage == "events").Fraction);
    }

    [Fact]
    public void Generate_StopsOnCancellation_WithoutLeavingAnEventsFile()
    {
        using var cancellation = new CancellationTokenSource();
        string directory = Path.Combine(_root, "c");
        var progress = new SynchronousProgress(r =>
        {
            if (r.Stage == "events" && r.Fraction > 0.5)
            {
                cancellation.Cancel();
            }
        });

        Assert.ThrowsAny<OperationCanceledException>(() =>
            SyntheticPlatform.Generate(new SyntheticOptions(300, Seed: 1), directory, progress, cancellation.Token));

        Assert.Empty(Directory.GetFiles(directory));
    }

    [Fact]
    public void Generate_PlantsARingAndABotCluster_AtTheSmallestPlatformAndShortestWindows()
    {
        var options = new SyntheticOptions(SyntheticOptions.MinAccounts, Seed: 3) { ActivityDays = 7, SignupDays = 7 };

        GenerationSummary summary = SyntheticPlatform.Generate(options, Path.Combine(_root, "small"));

        Assert.Equal(1, summary.Rings);
        Assert.Equal(1, summary.BotClusters);
        string[] lines = File.ReadAllLines(summary.EventsPath);
        Assert.Equal(summary.Events, lines.Length - 1);
        Assert.Equal("2026-02-22T", lines[1][(lines[1].IndexOf(',', StringComparison.Ordinal) + 1)..][..11]);
        Assert.StartsWith("2026-03-07T", lines[^1].Split(',')[1], StringComparison.Ordinal);
    }

    private sealed class SynchronousProgress(Action<GenerationProgress> report) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value) => report(value);
    }
}
