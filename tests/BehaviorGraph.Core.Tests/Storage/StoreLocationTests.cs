using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Core.Tests.Storage;

public sealed class StoreLocationTests
{
    [Theory]
    [InlineData("sqlite:./data/x.db", StoreBackend.Sqlite, "./data/x.db")]
    [InlineData("SQLite: /tmp/a b.db ", StoreBackend.Sqlite, "/tmp/a b.db")]
    [InlineData("postgres:Host=db;Database=bg", StoreBackend.Postgres, "Host=db;Database=bg")]
    [InlineData("postgresql:Host=db", StoreBackend.Postgres, "Host=db")]
    public void Parse_ReadsBackendAndTarget(string text, StoreBackend backend, string target)
    {
        var location = StoreLocation.Parse(text);

        Assert.Equal(backend, location.Backend);
        Assert.Equal(target, location.Target);
    }

    [Theory]
    [InlineData("./data/x.db", "no backend prefix")]
    [InlineData("sqlite:", "names no sqlite target")]
    [InlineData("mysql:foo", "backend 'mysql' is unknown")]
    public void Parse_RejectsMalformedAddresses_WithAMessageSayingWhy(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => StoreLocation.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_HidesThePostgresPassword()
    {
        var location = StoreLocation.Parse("postgres:Host=db;Username=bg;Password=s3cret;Database=x");

        Assert.Equal("postgres:Host=db;Username=bg;Password=***;Database=x", location.ToString());
        Assert.DoesNotContain("s3cret", location.ToString(), StringComparison.Ordinal);
    }
}
