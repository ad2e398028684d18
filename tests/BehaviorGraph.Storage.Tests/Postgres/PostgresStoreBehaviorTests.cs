using BehaviorGraph.Core.Storage;
using BehaviorGraph.Storage.Postgres;
using Dapper;
using Npgsql;

namespace BehaviorGraph.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreBehaviorTests(PostgresServerFixture server) : StoreBehaviorTests
{
    private readonly List<string> _databases = [];

    protected override async Task<IBehaviorStore> OpenStoreAsync()
    {
        _databases.Add(await server.CreateDatabaseAsync());
        return await PostgresBehaviorStore.OpenAsync(_databases[^1], CancellationToken.None);
    }

    protected override Task<IBehaviorStore> ReopenStoreAsync() =>
        PostgresBehaviorStore.OpenAsync(_databases[^1], CancellationToken.None);

    protected override async Task<IReadOnlyList<int>> ReadAppliedMigrationsAsync()
    {
        await using var connection = new NpgsqlConnection(_databases[^1]);
        return [.. await connection.QueryAsync<int>("SELECT version FROM schema_migrations ORDER BY version")];
    }

    protected override async Task<IReadOnlyList<long>> ReadRunsHoldingScoresAsync()
    {
        await using var connection = new NpgsqlConnection(_databases[^1]);
        return [.. await connection.QueryAsync<long>("SELECT DISTINCT run_id FROM scores ORDER BY run_id")];
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var database in _databases)
        {
            await server.DropDatabaseAsync(database);
        }
    }
}
