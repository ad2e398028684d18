using BehaviorGraph.Core.Storage;
using BehaviorGraph.Storage.Relational;
using BehaviorGraph.Storage.Sqlite;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BehaviorGraph.Storage.Tests.Sqlite;

public sealed class SqliteStoreBehaviorTests : StoreBehaviorTests
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bg-sqlite-" + Guid.NewGuid().ToString("N")[..12]);
    private string? _path;

    protected override Task<IBehaviorStore> OpenStoreAsync()
    {
        _path = Path.Combine(_directory, $"store-{Guid.NewGuid():N}.db");
        return SqliteBehaviorStore.OpenAsync(_path, CancellationToken.None);
    }

    protected override Task<IBehaviorStore> ReopenStoreAsync() =>
        SqliteBehaviorStore.OpenAsync(_path!, CancellationToken.None);

    protected override async Task<IReadOnlyList<int>> ReadAppliedMigrationsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        return [.. await connection.QueryAsync<int>("SELECT version FROM schema_migrations ORDER BY version")];
    }

    protected override async Task<IReadOnlyList<long>> ReadRunsHoldingScoresAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        return [.. await connection.QueryAsync<long>("SELECT DISTINCT run_id FROM scores ORDER BY run_id")];
    }

    protected override Task<ReadOnlySession> OpenReadOnlySessionAsync() =>
        new SqliteDialect(new SqliteConnectionFactory(_path!)).OpenReadOnlyAsync(CancellationToken.None);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
