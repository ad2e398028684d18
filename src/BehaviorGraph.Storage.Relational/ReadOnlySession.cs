using System.Data.Common;

namespace BehaviorGraph.Storage.Relational;

/// <summary>A connection and the read-only transaction every statement of one read runs in.</summary>
public sealed class ReadOnlySession(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    public DbConnection Connection { get; } = connection;

    public DbTransaction Transaction { get; } = transaction;

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
