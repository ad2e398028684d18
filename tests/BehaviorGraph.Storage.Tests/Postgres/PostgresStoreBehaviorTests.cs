using BehaviorGraph.Core.Storage;
using BehaviorGraph.Storage.Postgres;
using BehaviorGraph.Storage.Relational;
using Dapper;
using Npgsql;

namespace BehaviorGraph.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreBehaviorTests(PostgresServerFixture server) : StoreBehaviorTests
{
    private readonly List<string> _databases = [];
    private readonly List<NpgsqlDataSource> _dataSources = [];

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

    protected override async Task<ReadOnlySession> OpenReadOnlySessionAsync()
    {
        var dataSource = NpgsqlDataSource.Create(_databases[^1]);
        _dataSources.Add(dataSource);
        return await new PostgresDialect(dataSource).OpenReadOnlyAsync(CancellationToken.None);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }

        foreach (var database in _databases)
        {
            await server.DropDatabaseAsync(database);
        }
    }
}
