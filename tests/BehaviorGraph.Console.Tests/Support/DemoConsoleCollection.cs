namespace BehaviorGraph.Console.Tests.Support;

[CollectionDefinition(Name)]
public sealed class DemoConsoleCollection : ICollectionFixture<DemoConsole>
{
    public const string Name = "demo console";
}
