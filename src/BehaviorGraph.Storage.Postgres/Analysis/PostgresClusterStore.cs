using System.Text.Json;
using BehaviorGraph.Core.Clusters;
using Dapper;
using Npgsql;

namespace BehaviorGraph.Storage.Postgres.Analysis;

/// <summary>Clusters of the latest complete analysis run.</summary>
internal sealed class PostgresClusterStore(NpgsqlDataSource dataSource) : IClusterStore
{
    private const string Select =
        """
                SELECT c.id AS Id, c.kind AS Kind, c.score AS Score, c.evidence AS Evidence, c.figures::text AS Figures,
               ARRAY(SELECT m.account FROM cluster_members m WHERE m.run_id = c.run_id AND m.cluster_id = c.id ORDER BY m.account) AS Members
        FROM clusters c JOIN latest_analysis_run latest ON c.run_id = latest.id
        """;

    public async Task<IReadOnlyList<DetectedCluster>> ListAsync(ClusterKind? kind, int minSize, int limit, CancellationToken cancellationToken) =>
        await QueryAsync(
            Select + " WHERE (@kind::smallint IS NULL OR c.kind = @kind) AND c.size >= @minSize ORDER BY c.score DESC, c.id LIMIT @limit",
            new { kind = (short?)kind, minSize, limit }, cancellationToken);

    public async Task<DetectedCluster?> GetAsync(string clusterId, CancellationToken cancellationToken) =>
        (await QueryAsync(Select + " WHERE c.id = @clusterId", new { clusterId }, cancellationToken)).SingleOrDefault();

    public async Task<IReadOnlyList<DetectedCluster>> GetForAccountAsync(string account, CancellationToken cancellationToken) =>
        await QueryAsync(
            Select + " WHERE EXISTS (SELECT 1 FROM cluster_members m WHERE m.run_id = c.run_id AND m.cluster_id = c.id AND m.account = @account) ORDER BY c.score DESC, c.id",
            new { account }, cancellationToken);

    private async Task<IReadOnlyList<DetectedCluster>> QueryAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ClusterRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return rows.Select(r => new DetectedCluster(
            r.Id, (ClusterKind)r.Kind, r.Score, r.Members, r.Evidence,
            JsonSerializer.Deserialize<Dictionary<string, double>>(r.Figures) ?? [])).ToList();
    }

    private sealed class ClusterRow
    {
        public string Id { get; init; } = "";

        public short Kind { get; init; }

        public double Score { get; init; }

        public string Evidence { get; init; } = "";

        public string Figures { get; init; } = "{}";

        public string[] Members { get; init; } = [];
    }
}
