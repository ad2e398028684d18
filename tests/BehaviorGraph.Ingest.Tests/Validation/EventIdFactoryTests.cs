using BehaviorGraph.Core.Events;
using BehaviorGraph.Ingest.Validation;

namespace BehaviorGraph.Ingest.Tests.Validation;

public sealed class EventIdFactoryTests
{
    [Fact]
    public void Derive_IsDeterministic_AndDependsOnEveryField()
    {
        var id = EventIdFactory.Derive(1000, "like", "a1", "c1", TargetKind.Content, null, "d1", "1.2.3.4");
        Assert.Equal(id, EventIdFactory.Derive(1000, "like", "a1", "c1", TargetKind.Content, null, "d1", "1.2.3.4"));
        Assert.StartsWith(EventIdFactory.Prefix, id);
        string[] variants =
        [
            EventIdFactory.Derive(1001, "like", "a1", "c1", TargetKind.Content, null, "d1", "1.2.3.4"),
            EventIdFactory.Derive(1000, "share", "a1", "c1", TargetKind.Content, null, "d1", "1.2.3.4"),
            EventIdFactory.Derive(1000, "like", "a2", "c1", TargetKind.Content, null, "d1", "1.2.3.4"),
            EventIdFactory.Derive(1000, "like", "a1", "c2", TargetKind.Content, null, "d1", "1.2.3.4"),
            EventIdFactory.Derive(1000, "like", "a1", "c1", TargetKind.Account, null, "d1", "1.2.3.4"),
            EventIdFactory.Derive(1000, "like", "a1", "c1", TargetKind.Content, 1, "d1", "1.2.3.4"),
            EventIdFactory.Derive(1000, "like", "a1", "c1", TargetKind.Content, null, "d2", "1.2.3.4"),
            EventIdFactory.Derive(1000, "like", "a1", "c1", TargetKind.Content, null, "d1", "1.2.3.5"),
            // Field boundaries matter: "a1"+"c1" must not equal "a"+"1c1".
            EventIdFactory.Derive(1000, "like", "a", "1c1", TargetKind.Content, null, "d1", "1.2.3.4"),
        ];
        Assert.DoesNotContain(id, variants);
        Assert.Equal(variants.Length, variants.Distinct().Count());
    }
}
