using System.Data.Common;
using BehaviorGraph.Core.Labels;
using Dapper;

namespace BehaviorGraph.Storage.Relational.Labels;

/// <summary>
/// Labels with author and time, and labels files recorded by content hash. The SQL is the same on every backend; an
/// adapter supplies how a list of labels is inserted (ids must follow the list order, so of two labels given in the
/// same millisecond the later one in the list counts as the newer).
/// </summary>
public abstract class RelationalLabelStore(RelationalDialect dialect) : ILabelStore
{
    protected RelationalDialect Dialect { get; } = dialect;

    public async Task AddAsync(IReadOnlyList<AccountLabel> labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count == 0)
        {
            return;
        }

        await using var connection = await Dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await InsertAsync(connection, transaction, labels, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<LabelFileImport> ImportFileAsync(string contentHash, string source, IReadOnlyList<AccountLabel> labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contentHash);
        ArgumentNullException.ThrowIfNull(labels);
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        // SQLite takes its write lock first (BEGIN IMMEDIATE); PostgreSQL makes a concurrent import of the same content
        // wait on the key until the first commits. Either way the second finds the first's record and adds nothing.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var record = new LabelImportRow(contentHash, Dialect.StorableText(source)!, labels.Count, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var added = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO label_imports (content_hash, source, labels, imported_at) VALUES (@ContentHash, @Source, @Labels, @ImportedAt)
            ON CONFLICT (content_hash) DO NOTHING
            """,
            record, transaction, cancellationToken: cancellationToken));
        if (added == 0)
        {
            var earlier = await connection.QuerySingleAsync<LabelImportRow>(new CommandDefinition(
                $"SELECT {LabelImportRow.Columns} FROM label_imports WHERE content_hash = @contentHash",
                new { contentHash }, transaction, cancellationToken: cancellationToken));
            await transaction.RollbackAsync(cancellationToken);
            return earlier.ToImport(imported: false);
        }

        if (labels.Count > 0)
        {
            await InsertAsync(connection, transaction, labels, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return record.ToImport(imported: true);
    }

    public async Task<IReadOnlyList<AccountLabel>> GetLatestAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        // The newest label per account; among labels given in the same millisecond the last inserted wins.
        var rows = await connection.QueryAsync<LabelRow>(new CommandDefinition(
            $"""
            SELECT {LabelRow.Columns}
            FROM (
                SELECT l.*, row_number() OVER (PARTITION BY account ORDER BY labelled_at DESC, id DESC) AS rn FROM labels l
            ) newest
            WHERE rn = 1
            ORDER BY account
            """,
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToLabel()).ToList();
    }

    public async Task<IReadOnlyList<AccountLabel>> GetForAccountAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<LabelRow>(new CommandDefinition(
            $"SELECT {LabelRow.Columns} FROM labels WHERE account = @account ORDER BY labelled_at DESC, id DESC",
            new { account }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToLabel()).ToList();
    }

    /// <summary>Inserts the labels in list order within <paramref name="transaction"/>.</summary>
    protected abstract Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AccountLabel> labels, CancellationToken cancellationToken);
}
