using System.Collections.Concurrent;
using BehaviorGraph.Synthetic;

namespace BehaviorGraph.Testing;

/// <summary>
/// The range of generator settings tests iterate over instead of pinning one: every platform point of
/// <see cref="SyntheticGrid"/> (today's platform, benign-only with hard negatives, each adversary variant, all at once)
/// plus the FRAUDAR protocol at densities 0.02 / 0.04 / 0.10 under the four attacks, at a size small enough for tests.
/// Use <see cref="Names"/> with <c>[MemberData]</c> and <see cref="Point"/> to look a point up:
/// <code>
/// [Theory, MemberData(nameof(GeneratorGrid.Names), MemberType = typeof(GeneratorGrid))]
/// public void Something_HoldsOnEveryPoint(string name) { var files = GeneratorGrid.Point(name).Generate(); … }
/// </code>
/// Files are generated once per test process, on first use, and deleted when it exits.
/// </summary>
public static class GeneratorGrid
{
    /// <summary>Accounts of the platform points (the FRAUDAR points keep the protocol's 2,000 × 2,000).</summary>
    public const int Accounts = 3_000;

    public const int Seed = 11;

    public static IReadOnlyList<double> FraudarDensities { get; } = [0.02, 0.04, 0.10];

    private static readonly ConcurrentDictionary<string, Lazy<GeneratedGridPoint>> Cache = new(StringComparer.Ordinal);
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "bgraph-grid-" + Guid.NewGuid().ToString("N")[..8]);

    static GeneratorGrid() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteRoot();

    /// <summary>Every point at the tests' size and seed, platform points first.</summary>
    public static IReadOnlyList<GeneratorGridPoint> Points { get; } = Build(Accounts, Seed);

    /// <summary>The points' names as xunit member data (one argument per row).</summary>
    public static IEnumerable<object[]> Names => Points.Select(p => new object[] { p.Name });

    /// <summary>The platform points' names (not the FRAUDAR protocol) as xunit member data.</summary>
    public static IEnumerable<object[]> PlatformNames => Points.Where(p => !p.IsFraudarProtocol).Select(p => new object[] { p.Name });

    /// <summary>The FRAUDAR protocol points' names as xunit member data.</summary>
    public static IEnumerable<object[]> FraudarNames => Points.Where(p => p.IsFraudarProtocol).Select(p => new object[] { p.Name });

    public static GeneratorGridPoint Point(string name) =>
        Points.FirstOrDefault(p => p.Name == name) ?? throw new ArgumentException($"No grid point '{name}'; points: {string.Join(", ", Points.Select(p => p.Name))}.", nameof(name));

    /// <summary>The same points at another size or seed (not cached by <see cref="GeneratorGridPoint.Generate"/> unless they match the defaults).</summary>
    public static IReadOnlyList<GeneratorGridPoint> PointsAt(int accounts, int seed) => Build(accounts, seed);

    internal static GeneratedGridPoint Generated(GeneratorGridPoint point)
    {
        string key = $"{point.Name}-{point.Scenario.Seed}-{point.Scenario.Platform?.Accounts ?? 0}";
        return Cache.GetOrAdd(key, k => new Lazy<GeneratedGridPoint>(() =>
        {
            string directory = Path.Combine(Root, k);
            GenerationSummary summary = point.Scenario.Generate(directory);
            return new GeneratedGridPoint(point.Name, directory, summary);
        })).Value;
    }

    private static List<GeneratorGridPoint> Build(int accounts, int seed) =>
    [
        .. SyntheticGrid.Platform(accounts, seed).Select(s => new GeneratorGridPoint(s)),
        .. SyntheticGrid.Fraudar(seed).Where(s => FraudarDensities.Contains(s.Fraudar!.Density)).Select(s => new GeneratorGridPoint(s)),
    ];

    private static void DeleteRoot()
    {
        try
        {
            if (Directory.Exists(Root))
            {
                Directory.Delete(Root, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
