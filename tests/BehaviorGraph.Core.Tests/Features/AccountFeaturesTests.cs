using BehaviorGraph.Core.Events;
using BehaviorGraph.Core.Features;

namespace BehaviorGraph.Core.Tests.Features;

public sealed class AccountFeaturesTests
{
    [Fact]
    public void Names_AreUnique_SnakeCase_AndDescribed_WithAReasonOfTheirOwn()
    {
        Assert.Equal(AccountFeatures.All.Count, AccountFeatures.Names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(AccountFeatures.All.Count, AccountFeatures.All.Select(f => f.ReasonCode).Distinct(StringComparer.Ordinal).Count());
        Assert.All(AccountFeatures.All, f =>
        {
            Assert.Matches("^[a-z][a-z0-9_]*$", f.Name);
            Assert.Matches("^[A-Z][A-Z0-9_]*$", f.ReasonCode);
            Assert.False(f.ReasonCode.StartsWith("FEATURE_", StringComparison.Ordinal), $"{f.Name} has a generic code");
            Assert.False(string.IsNullOrWhiteSpace(f.Description));
            Assert.Contains("{value", f.Sentence, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void IndexOf_ReturnsThePositionInTheOrderedList()
    {
        Assert.Equal(0, AccountFeatures.IndexOf(AccountFeatures.EventsTotal));
        Assert.Equal("rev2_goodness", AccountFeatures.Names[AccountFeatures.IndexOf("rev2_goodness")]);
        Assert.Null(AccountFeatures.Find("nope"));
        Assert.Throws<KeyNotFoundException>(() => AccountFeatures.IndexOf("nope"));
    }

    [Fact]
    public void EventCounts_FollowTheKnownTypes_ThenOther()
    {
        Assert.Equal([.. EventTypes.Known.Select(t => "count_" + t), "count_other"], AccountFeatures.EventCounts.Select(f => f.Name));
    }
}
