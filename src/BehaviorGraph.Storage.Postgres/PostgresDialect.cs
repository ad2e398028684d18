using System.Data.Common;
using BehaviorGraph.Storage.Relational;
using Dapper;
using Npgsql;

namespace BehaviorGraph.Storage.Postgres;

/// <summary>PostgreSQL's side of the shared relational stores: its connections and SQL spellings.</summary>
internal sealed class PostgresDialect(NpgsqlDataSource dataSource) : RelationalDialect
{
    public override string True => "TRUE";

    public override string False => "FALSE";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await dataSource.OpenConnectionAsync(cancellationToken);

    public override async Task<ReadOnlySession> OpenReadOnlyAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition("SET TRANSACTION READ ONLY", transaction: transaction, cancellationToken: cancellationToken));
            return new ReadOnlySession(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override string InList(string column, string parameter) => $"{column} = ANY({parameter})";

    public override string SkipRows(string count) => $"OFFSET {count}";

    public override string JsonText(string column) => $"{column}::text";

    public override string JsonValue(string parameter) => $"CAST({parameter} AS jsonb)";

    public override string? StorableText(string? text) => PostgresText.Clean(text);
}
