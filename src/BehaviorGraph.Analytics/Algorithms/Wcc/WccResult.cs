namespace BehaviorGraph.Analytics.Algorithms.Wcc;

/// <summary>
/// Component per node (dense 0..ComponentCount-1, numbered by each component's smallest node id) and the size of
/// every component.
/// </summary>
public sealed record WccResult(int[] Components, int[] Sizes)
{
    public int ComponentCount => Sizes.Length;

    public int LargestSize => Sizes.Length == 0 ? 0 : Sizes.Max();
}
