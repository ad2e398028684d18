namespace BehaviorGraph.Ingest.Tests.Support;

/// <summary>
/// Tests that measure the process's allocations (<c>GC.GetTotalAllocatedBytes</c> counts every thread); xunit runs
/// this collection alone, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoloAllocationCollection
{
    public const string Name = "solo allocation";
}
