namespace BehaviorGraph.Analytics.Tests.Algorithms;

internal static class ReferenceGraphs
{
    /// <summary>Triangles a-b-c and d-e-f joined by the bridge c-d.</summary>
    public const string TwoTrianglesWithBridge = "a-b b-c c-a d-e e-f f-d c-d";

    /// <summary>Cliques on a1..a4 and b1..b4 joined by the single edge a4-b1.</summary>
    public const string TwoCliquesWithBridge =
        "a1-a2 a1-a3 a1-a4 a2-a3 a2-a4 a3-a4 b1-b2 b1-b3 b1-b4 b2-b3 b2-b4 b3-b4 a4-b1";
}
