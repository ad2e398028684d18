using System.Data.Common;
using BehaviorGraph.Storage.Relational;
using Microsoft.Data.Sqlite;

namespace BehaviorGraph.Storage.Sqlite;

/// <summary>SQLite's side of the shared relational stores: its connections and SQL spellings.</summary>
internal sealed class SqliteDialect(SqliteConnectionFactory connections) : RelationalDialect
{
    private readonly string _readOnly = new SqliteConnectionStringBuilder
    {
        DataSource = connections.Path,
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public override string True => "1";

    public override string InList(string column, string parameter) => $"{column} IN {parameter}";

    public override string False => "0";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await connections.OpenAsync(cancellationToken);

    public override async Task<ReadOnlySession> OpenReadOnlyAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_readOnly);
        try
        {
            await connection.OpenAsync(cancellationToken);
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA busy_timeout=30000; PRAGMA query_only=1;";
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }

            // Deferred: BEGIN IMMEDIATE would ask for the write lock, which a reader must never take.
            return new ReadOnlySession(connection, connection.BeginTransaction(deferred: true));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override string SkipRows(string count) => $"LIMIT -1 OFFSET {count}";

    public override string JsonText(string column) => column;

    public override string JsonValue(string parameter) => parameter;
}
