using System.Data.Common;
using BehaviorGraph.Core.Labels;
using BehaviorGraph.Storage.Relational;
using BehaviorGraph.Storage.Relational.Labels;
using Dapper;

namespace BehaviorGraph.Storage.Postgres.Labels;

/// <summary>The shared label store; a list of labels is one statement over arrays.</summary>
internal sealed class PostgresLabelStore(RelationalDialect dialect) : RelationalLabelStore(dialect)
{
    /// <summary>
    /// One statement; ids follow the list order (ORDER BY ordinality), so of two labels given in the same
    /// millisecond the later one in the list counts as the newer.
    /// </summary>
    protected override Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AccountLabel> labels, CancellationToken cancellationToken) =>
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
