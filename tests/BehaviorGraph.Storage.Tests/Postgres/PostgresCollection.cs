namespace BehaviorGraph.Storage.Tests.Postgres;

/// <summary>Every PostgreSQL test class shares one server (a container or a throwaway cluster).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "PostgreSQL server";
}
