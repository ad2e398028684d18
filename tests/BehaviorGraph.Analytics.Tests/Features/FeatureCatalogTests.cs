using BehaviorGraph.Analytics.Features;

namespace BehaviorGraph.Analytics.Tests.Features;

public sealed class FeatureCatalogTests
{
    [Fact]
    public void Names_AreUnique_SnakeCase_AndDescribed()
    {
        Assert.Equal(FeatureCatalog.All.Count, FeatureCatalog.Names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(FeatureCatalog.All, f =>
        {
            Assert.Matches("^[a-z][a-z0-9_]*$", f.Name);
            Assert.False(string.IsNullOrWhiteSpace(f.Description));
        });
    }

    [Fact]
    public void IndexOf_ReturnsThePositionInTheOrderedList()
    {
        Assert.Equal(0, FeatureCatalog.IndexOf("events_total"));
        Assert.Equal("rev2_goodness", FeatureCatalog.Names[FeatureCatalog.IndexOf("rev2_goodness")]);
        Assert.Throws<KeyNotFoundException>(() => FeatureCatalog.IndexOf("nope"));
    }
}
