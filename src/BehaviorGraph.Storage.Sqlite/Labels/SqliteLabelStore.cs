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
        await connection.ExecuteAsync(new CommandDefinition(
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
        await transaction.CommitAsync(cancellationToken);
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
}
