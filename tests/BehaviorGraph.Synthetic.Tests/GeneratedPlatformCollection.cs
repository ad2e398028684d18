namespace BehaviorGraph.Synthetic.Tests;

[CollectionDefinition(Name)]
public sealed class GeneratedPlatformCollection : ICollectionFixture<GeneratedPlatform>
{
    public const string Name = "generated platform";
}
