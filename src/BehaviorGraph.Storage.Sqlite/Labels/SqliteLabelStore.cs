using BehaviorGraph.Core.Labels;
using Dapper;

namespace BehaviorGraph.Storage.Sqlite.Labels;

internal sealed class SqliteLabelStore(SqliteConnectionFactory connections) : ILabelStore
{
    public async Task AddAsync(IReadOnlyList<AccountLabel> labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count == 0)
        {
            return;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await InsertAsync(connection, transaction, labels, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<LabelFileImport> ImportFileAsync(string contentHash, string source, IReadOnlyList<AccountLabel> labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contentHash);
        ArgumentNullException.ThrowIfNull(labels);
        await using var connection = await connections.OpenAsync(cancellationToken);
        // BEGIN IMMEDIATE: the write lock is taken first, so of two imports of one content the second sees the first's record.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var record = new LabelImportRow(contentHash, source, labels.Count, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var added = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO label_imports (content_hash, source, labels, imported_at) VALUES (@ContentHash, @Source, @Labels, @ImportedAt)
            ON CONFLICT (content_hash) DO NOTHING
            """,
            record, transaction, cancellationToken: cancellationToken));
        if (added == 0)
        {
            var earlier = await connection.QuerySingleAsync<LabelImportRow>(new CommandDefinition(
                "SELECT content_hash AS contentHash, source, labels, imported_at AS importedAt FROM label_imports WHERE content_hash = @contentHash",
                new { contentHash }, transaction, cancellationToken: cancellationToken));
            await transaction.RollbackAsync(cancellationToken);
            return earlier.ToImport(imported: false);
        }

        await InsertAsync(connection, transaction, labels, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return record.ToImport(imported: true);
    }

    public async Task<IReadOnlyList<AccountLabel>> GetLatestAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // The newest label per account; among labels given in the same millisecond the last inserted wins.
        var rows = await connection.QueryAsync<LabelRow>(new CommandDefinition(
            """
            SELECT account, label, source, analyst, note, labelled_at AS labelledAt
            FROM (
                SELECT *, row_number() OVER (PARTITION BY account ORDER BY labelled_at DESC, id DESC) AS rn FROM labels
            )
            WHERE rn = 1
            ORDER BY account
            """,
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToLabel()).ToList();
    }

    public async Task<IReadOnlyList<AccountLabel>> GetForAccountAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<LabelRow>(new CommandDefinition(
            """
            SELECT account, label, source, analyst, note, labelled_at AS labelledAt FROM labels
            WHERE account = @account ORDER BY labelled_at DESC, id DESC
            """,
            new { account }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToLabel()).ToList();
    }

    private static Task InsertAsync(
        Microsoft.Data.Sqlite.SqliteConnection connection, System.Data.Common.DbTransaction transaction, IReadOnlyList<AccountLabel> labels, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO labels (account, label, source, analyst, note, labelled_at)
            VALUES (@Account, @Label, @Source, @Analyst, @Note, @LabelledAt)
            """,
            labels.Select(l => new
            {
                l.Account,
                Label = (int)l.Label,
                l.Source,
                l.Analyst,
                l.Note,
                LabelledAt = l.LabelledAt.ToUnixTimeMilliseconds(),
            }),
            transaction, cancellationToken: cancellationToken));
}
