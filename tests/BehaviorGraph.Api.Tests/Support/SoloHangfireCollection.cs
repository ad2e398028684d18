namespace BehaviorGraph.Api.Tests.Support;

/// <summary>
/// Tests that drive a whole job chain through their own Hangfire server. Hangfire keeps its configuration (storage,
/// filters) in process-wide statics, so a second service built in the same test process meanwhile would take the
/// chain's jobs; xunit runs this collection alone, after the parallel ones (and their fixtures) are done.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoloHangfireCollection
{
    public const string Name = "solo hangfire";
}
