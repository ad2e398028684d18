using System.Collections.Concurrent;

namespace BehaviorGraph.Synthetic.Tests;

/// <summary>The parsed files of a <see cref="GeneratorGrid"/> point, generated and parsed once per test run.</summary>
public static class GridFiles
{
    private static readonly ConcurrentDictionary<string, Lazy<GeneratedFiles>> Cache = new(StringComparer.Ordinal);

    public static GeneratedFiles Of(string name) =>
        Cache.GetOrAdd(name, n => new Lazy<GeneratedFiles>(() => new GeneratedFiles(GeneratorGrid.Point(n).Generate().Summary))).Value;

    public static SyntheticOptions Options(string name) => GeneratorGrid.Point(name).Scenario.Platform!;
}
