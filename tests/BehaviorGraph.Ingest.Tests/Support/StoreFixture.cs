using BehaviorGraph.Core.Storage;
using BehaviorGraph.Storage.Sqlite;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BehaviorGraph.Ingest.Tests.Support;

/// <summary>A real SQLite store file in a temp directory, with helpers to read back what ingest wrote.</summary>
public sealed class StoreFixture : IAsyncDisposable
{
    private StoreFixture(TempDirectory directory, IBehaviorStore store, string dbPath)
    {
        Directory = directory;
        Store = store;
        DbPath = dbPath;
    }

    public TempDirectory Directory { get; }

    public IBehaviorStore Store { get; }

    public string DbPath { get; }

    public EventIngestor Ingestor => new(Store.Ingest);

    public static async Task<StoreFixture> CreateAsync()
    {
        var directory = new TempDirectory();
        var dbPath = directory.File("store.db");
        return new StoreFixture(directory, await SqliteBehaviorStore.OpenAsync(dbPath, CancellationToken.None), dbPath);
    }

    public Task<IngestReport> IngestAsync(string path, IngestOptions? options = null) =>
        Ingestor.IngestFileAsync(path, options ?? IngestOptions.Default, null, CancellationToken.None);

    public async Task<T> QueryScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new SqliteConnection($"Data Source={DbPath};Mode=ReadOnly");
        return await connection.ExecuteScalarAsync<T>(sql, parameters) ?? throw new InvalidOperationException($"No value for {sql}");
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new SqliteConnection($"Data Source={DbPath};Mode=ReadOnly");
        return (await connection.QueryAsync<T>(sql, parameters)).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Directory.Dispose();
    }
}
