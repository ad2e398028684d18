using System.Text.Json;

namespace BehaviorGraph.Synthetic.Tests;

/// <summary>One entry of truth.json's clusters or hardNegatives array; <see cref="Json"/> keeps the kind-specific fields.</summary>
public sealed record TruthCluster(string Id, string Kind, IReadOnlyList<string> Members, string Description)
{
    public IReadOnlyList<string> Targets { get; init; } = [];

    public JsonElement Json { get; init; }

    public static TruthCluster From(JsonElement c) => new(
        c.GetProperty("id").GetString()!,
        c.GetProperty("kind").GetString()!,
        [.. c.GetProperty("members").EnumerateArray().Select(m => m.GetString()!)],
        c.GetProperty("description").GetString()!)
    {
        Targets = c.TryGetProperty("targets", out JsonElement t) ? [.. t.EnumerateArray().Select(x => x.GetString()!)] : [],
        Json = c.Clone(),
    };
}
