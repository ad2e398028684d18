namespace BehaviorGraph.Neo4j.Tests;

public sealed class Neo4jLocationTests
{
    [Fact]
    public void Parse_ReadsHostAndPort_FromNeo4jPrefixedLocation()
    {
        var location = Neo4jLocation.Parse("neo4j:http://graph.internal:7474");

        Assert.Equal(new Uri("http://graph.internal:7474/"), location.Endpoint);
        Assert.Null(location.Database);
        Assert.Null(location.User);
        Assert.Null(location.Password);
    }

    [Fact]
    public void Parse_ReadsEscapedCredentialsAndDatabase_AndKeepsThemOutOfTheEndpoint()
    {
        var location = Neo4jLocation.Parse("http://neo4j:p%40ss%3Aword@localhost:7474/analytics");

        Assert.Equal(new Uri("http://localhost:7474/"), location.Endpoint);
        Assert.Equal("neo4j", location.User);
        Assert.Equal("p@ss:word", location.Password);
        Assert.Equal("analytics", location.Database);
        Assert.Equal("neo4j:http://neo4j:***@localhost:7474/analytics", location.ToString());
    }

    [Theory]
    [InlineData("neo4j:bolt://localhost:7687")]
    [InlineData("neo4j:")]
    [InlineData("neo4j:localhost:7474")]
    [InlineData("neo4j:http://localhost:7474/a/b")]
    public void Parse_RejectsWhatIsNotAnHttpQueryApiAddress(string value)
    {
        var error = Assert.Throws<FormatException>(() => Neo4jLocation.Parse(value));

        Assert.Contains("Neo4j location", error.Message);
    }

    [Fact]
    public void Parse_KeepsThePasswordOutOfItsErrorMessage()
    {
        var error = Assert.Throws<FormatException>(() => Neo4jLocation.Parse("neo4j:ftp://u:hunter2@host/x"));

        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Fact]
    public void ApplyTo_CopiesAddressCredentialsAndDatabase_WithoutChangingTheOriginal()
    {
        var original = new Neo4jOptions { BatchSize = 123, BearerToken = "t" };

        var applied = Neo4jLocation.Parse("neo4j:https://u:p@db.example:7473/g").ApplyTo(original);

        Assert.Equal(new Uri("https://db.example:7473/"), applied.Uri);
        Assert.Equal("g", applied.Database);
        Assert.Equal("u", applied.User);
        Assert.Equal("p", applied.Password);
        Assert.Null(applied.BearerToken);
        Assert.Equal(123, applied.BatchSize);
        Assert.Null(original.Uri);
        Assert.Equal("neo4j", original.Database);
    }

    [Fact]
    public void Options_ToString_NeverShowsPasswordOrToken()
    {
        var options = new Neo4jOptions { Uri = new Uri("http://h:7474"), User = "neo4j", Password = "hunter2" };
        var bearer = new Neo4jOptions { Uri = new Uri("http://h:7474"), BearerToken = "tok-secret" };

        Assert.Equal("neo4j:http://h:7474 database=neo4j user=neo4j", options.ToString());
        Assert.DoesNotContain("tok-secret", bearer.ToString());
    }

    [Fact]
    public void Options_Validate_ExplainsAMissingAddressAndConflictingAuth()
    {
        var missing = Assert.Throws<ArgumentException>(() => new Neo4jOptions().Validate());
        var both = Assert.Throws<ArgumentException>(() =>
            new Neo4jOptions { Uri = new Uri("http://h:7474"), User = "u", BearerToken = "t" }.Validate());
        var batch = Assert.Throws<ArgumentException>(() =>
            new Neo4jOptions { Uri = new Uri("http://h:7474"), BatchSize = 0 }.Validate());

        Assert.Contains("BehaviorGraph:Neo4j:Uri", missing.Message);
        Assert.Contains("not both", both.Message);
        Assert.Contains("BatchSize is 0", batch.Message);
    }
}
