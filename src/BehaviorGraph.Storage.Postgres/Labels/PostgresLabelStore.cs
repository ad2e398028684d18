using BehaviorGraph.Core.Labels;
using Dapper;
using Npgsql;

namespace BehaviorGraph.Storage.Postgres.Labels;

internal sealed class PostgresLabelStore(NpgsqlDataSource dataSource) : ILabelStore
{
    public async Task AddAsync(IReadOnlyList<AccountLabel> labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await InsertAsync(connection, null, labels, cancellationToken);
    }

    public async Task<LabelFileImport> ImportFileAsync(string contentHash, string source, IReadOnlyList<AccountLabel> labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contentHash);
        ArgumentNullException.ThrowIfNull(labels);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // A concurrent import of the same content waits on the key until the first commits, then adds nothing.
        var record = new LabelImportRow(contentHash, PostgresText.Clean(source)!, labels.Count, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var added = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO label_imports (content_hash, source, labels, imported_at) VALUES (@ContentHash, @Source, @Labels, @ImportedAt)
            ON CONFLICT (content_hash) DO NOTHING
            """,
            record, transaction, cancellationToken: cancellationToken));
        if (added == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            var earlier = await connection.QuerySingleAsync<LabelImportRow>(new CommandDefinition(
                $"SELECT {LabelImportRow.Columns} FROM label_imports WHERE content_hash = @contentHash",
                new { contentHash }, cancellationToken: cancellationToken));
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
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // The newest label per account; among labels given in the same millisecond the last inserted wins.
        var rows = await connection.QueryAsync<LabelRow>(new CommandDefinition(
            $"""
            SELECT DISTINCT ON (account) {LabelRow.Columns} FROM labels
            ORDER BY account, labelled_at DESC, id DESC
            """,
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToLabel()).ToList();
    }

    public async Task<IReadOnlyList<AccountLabel>> GetForAccountAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<LabelRow>(new CommandDefinition(
            $"SELECT {LabelRow.Columns} FROM labels WHERE account = @account ORDER BY labelled_at DESC, id DESC",
            new { account }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToLabel()).ToList();
    }

    /// <summary>
    /// One statement; ids follow the list order (ORDER BY ordinality), so of two labels given in the same
    /// millisecond the later one in the list counts as the newer.
    /// </summary>
    private static Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<AccountLabel> labels, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO labels (account, label, source, analyst, note, labelled_at)
            SELECT account, label, source, analyst, note, labelled_at
            FROM unnest(@accounts, @kinds, @sources, @analysts, @notes, @times)
                WITH ORDINALITY AS l (account, label, source, analyst, note, labelled_at, ord)
            ORDER BY ord
            """,
            new
            {
                accounts = labels.Select(l => PostgresText.Clean(l.Account)).ToArray(),
                kinds = labels.Select(l => (short)l.Label).ToArray(),
                sources = labels.Select(l => PostgresText.Clean(l.Source)).ToArray(),
                analysts = labels.Select(l => PostgresText.Clean(l.Analyst)).ToArray(),
                notes = labels.Select(l => PostgresText.Clean(l.Note)).ToArray(),
                times = labels.Select(l => l.LabelledAt.ToUnixTimeMilliseconds()).ToArray(),
            },
            transaction,
            cancellationToken: cancellationToken));
}
