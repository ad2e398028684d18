namespace BehaviorGraph.Analytics.Algorithms.Triangles;

/// <summary>Triangle counting takes no tuning; the record keeps the algorithm shape uniform.</summary>
public sealed record TriangleCountParameters
{
    public static TriangleCountParameters Default { get; } = new();
}
