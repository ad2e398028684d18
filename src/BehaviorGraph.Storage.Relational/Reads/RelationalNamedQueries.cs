using BehaviorGraph.Core.Queries;
using BehaviorGraph.Core.Reads;
using Dapper;

namespace BehaviorGraph.Storage.Relational.Reads;

/// <summary>
/// The named queries of <see cref="NamedQueries.All"/> over the relational store, each fixed parameterised SQL run in a
/// read-only session (SQLite: a read-only connection with <c>query_only</c>; PostgreSQL: a <c>READ ONLY</c>
/// transaction), so nothing a named query runs can write. The identifier-sharing queries are the
/// <see cref="ISharedIdentifierReads"/> ability's statements.
/// </summary>
public sealed class RelationalNamedQueries(RelationalDialect dialect) : INamedQueries
{
    private const string TopRiskInCluster =
        $"""
        SELECT m.account AS account, s.score AS score, s.decision AS decision
        FROM cluster_members m
        JOIN scores s ON s.account = m.account AND s.run_id = {LatestRuns.ScoreRunId}
        WHERE m.run_id = {LatestRuns.AnalysisRunId} AND m.cluster_id = @cluster
        ORDER BY s.score DESC, m.account
        LIMIT @limit
        """;

    private const string RecentQuarantine =
        """
        SELECT source AS source, line AS line, reason AS reason, raw AS raw, quarantined_at AS "quarantinedAtMs"
        FROM quarantine
        ORDER BY quarantined_at DESC, content_hash, line
        LIMIT @limit
        """;

    private readonly RelationalGraphReads _graph = new(dialect);

    public IReadOnlyList<NamedQuery> Queries => NamedQueries.All;

    /// <summary>The SQL a named query runs (for plan tests and documentation).</summary>
    public static string SqlOf(string name) => name switch
    {
        NamedQueries.AccountsSharingDevice => RelationalGraphReads.SharingSql(IdentifierKind.Device),
        NamedQueries.AccountsSharingIp => RelationalGraphReads.SharingSql(IdentifierKind.Ip),
        NamedQueries.TopRiskInCluster => TopRiskInCluster,
        NamedQueries.RecentQuarantine => RecentQuarantine,
        _ => throw new ArgumentException($"No named query '{name}'.", nameof(name)),
    };

    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> RunAsync(
        NamedQuery query, IReadOnlyDictionary<string, object> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(values);
        switch (query.Name)
        {
            case NamedQueries.AccountsSharingDevice:
            case NamedQueries.AccountsSharingIp:
                var device = query.Name == NamedQueries.AccountsSharingDevice;
                var shared = await _graph.GetAccountsSharingAsync(
                    (string)values["account"], device ? IdentifierKind.Device : IdentifierKind.Ip, Convert.ToInt32(values["limit"], System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
                return shared.Select(r => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["account"] = r.Account,
                    [device ? "device" : "ip"] = r.Identifier,
                    ["events"] = r.Events,
                }).ToList();
            default:
                await using (var session = await dialect.OpenReadOnlyAsync(cancellationToken))
                {
                    var rows = await session.Connection.QueryAsync(new CommandDefinition(
                        SqlOf(query.Name), new DynamicParameters(values), session.Transaction, commandTimeout: 30, cancellationToken: cancellationToken));
                    return rows.Select(r => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>((IDictionary<string, object?>)r, StringComparer.Ordinal)).ToList();
                }
        }
    }
}
