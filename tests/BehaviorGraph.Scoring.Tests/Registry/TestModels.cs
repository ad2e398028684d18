using BehaviorGraph.Core.Scoring;

namespace BehaviorGraph.Scoring.Tests.Registry;

/// <summary>Model records with chosen metrics, for registry and promotion-gate tests.</summary>
internal static class TestModels
{
    public static ModelRecord Model(string version, double auprc, DateTimeOffset created, byte[]? bytes = null) => new(
        new ModelInfo(version, "fasttree", ["a", "b"], "abc123", new ModelMetrics(0.9, auprc, 0.8, 10, 0.7, 10, 90),
            new Dictionary<string, string> { ["trees"] = "100" }, created, false),
        bytes ?? [1, 2, 3]);
}
