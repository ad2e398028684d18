using System.Data.Common;
using BehaviorGraph.Core.Storage;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BehaviorGraph.Api.Relational;

/// <summary>
/// Read-only access to the relational store for analyst reads the store interfaces do not cover (graph
/// neighbourhoods, named queries): SQLite opened with <c>Mode=ReadOnly</c>, PostgreSQL inside
/// <c>READ ONLY</c> transactions, so nothing run here can write.
/// </summary>
internal sealed class ReadOnlyDatabase : IAsyncDisposable
{
    private readonly string? _sqlite;
    private readonly NpgsqlDataSource? _postgres;

    public ReadOnlyDatabase(StoreLocation store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.Backend == StoreBackend.Sqlite)
        {
            _sqlite = new SqliteConnectionStringBuilder
            {
                DataSource = Path.GetFullPath(store.Target),
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = true,
                DefaultTimeout = 30,
            }.ToString();
        }
        else
        {
            _postgres = NpgsqlDataSource.Create(store.Target);
        }
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // SQLite: a deferred transaction (the default BEGIN IMMEDIATE would ask for the write lock) on a read-only
        // connection. PostgreSQL: READ ONLY. Either way every statement of the query sees one snapshot.
        await using var transaction = connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(cancellationToken);
        if (_postgres is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition("SET TRANSACTION READ ONLY", transaction: transaction, cancellationToken: cancellationToken));
        }

        var rows = await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, transaction, commandTimeout: 30, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(_sqlite);
        await connection.OpenAsync(cancellationToken);
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout=30000; PRAGMA query_only=1;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    public ValueTask DisposeAsync() => _postgres?.DisposeAsync() ?? ValueTask.CompletedTask;
}
