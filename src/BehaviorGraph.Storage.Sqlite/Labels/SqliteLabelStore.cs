using System.Data.Common;
using BehaviorGraph.Core.Labels;
using BehaviorGraph.Storage.Relational;
using BehaviorGraph.Storage.Relational.Labels;
using Dapper;

namespace BehaviorGraph.Storage.Sqlite.Labels;

/// <summary>The shared label store; labels are inserted one statement per label, in list order.</summary>
internal sealed class SqliteLabelStore(RelationalDialect dialect) : RelationalLabelStore(dialect)
{
    protected override Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AccountLabel> labels, CancellationToken cancellationToken) =>
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
