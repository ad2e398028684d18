using System.Text.Json;
using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Storage.Relational;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BehaviorGraph.Storage.Sqlite.Analysis;

/// <summary>Clusters of the latest complete analysis run.</summary>
internal sealed class SqliteClusterStore(SqliteConnectionFactory connections) : IClusterStore
{
    private const string LatestRun = LatestRuns.AnalysisRunId;
    private const int MembersChunk = 500;

    public async Task<IReadOnlyList<DetectedCluster>> ListAsync(ClusterKind? kind, int minSize, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ClusterRow>(new CommandDefinition(
            $"""
            SELECT run_id AS RunId, id AS Id, kind AS Kind, score AS Score, evidence AS Evidence, figures AS Figures FROM clusters
            WHERE run_id = {LatestRun} AND (@kind IS NULL OR kind = @kind) AND size >= @minSize
            ORDER BY score DESC, id LIMIT @limit
            """,
            new { kind = (int?)kind, minSize, limit }, cancellationToken: cancellationToken));
        return await WithMembersAsync(connection, rows.ToList(), cancellationToken);
    }

    public async Task<DetectedCluster?> GetAsync(string clusterId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ClusterRow>(new CommandDefinition(
            $"SELECT run_id AS RunId, id AS Id, kind AS Kind, score AS Score, evidence AS Evidence, figures AS Figures FROM clusters WHERE run_id = {LatestRun} AND id = @clusterId",
            new { clusterId }, cancellationToken: cancellationToken));
        return (await WithMembersAsync(connection, rows.ToList(), cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<DetectedCluster>> GetForAccountAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ClusterRow>(new CommandDefinition(
            $"""
            SELECT c.run_id AS RunId, c.id AS Id, c.kind AS Kind, c.score AS Score, c.evidence AS Evidence, c.figures AS Figures
            FROM cluster_members m JOIN clusters c ON c.run_id = m.run_id AND c.id = m.cluster_id
            WHERE m.run_id = {LatestRun} AND m.account = @account ORDER BY c.score DESC, c.id
            """,
            new { account }, cancellationToken: cancellationToken));
        return await WithMembersAsync(connection, rows.ToList(), cancellationToken);
    }

    private static async Task<IReadOnlyList<DetectedCluster>> WithMembersAsync(SqliteConnection connection, List<ClusterRow> rows, CancellationToken cancellationToken)
    {
        // One query per chunk of clusters, not one per cluster (a run can hold tens of thousands); chunks stay within
        // SQLite's parameter limit.
        var members = new Dictionary<(long RunId, string Id), List<string>>();
        foreach (var run in rows.GroupBy(r => r.RunId))
        {
            foreach (var chunk in run.Select(r => r.Id).Chunk(MembersChunk))
            {
                var found = await connection.QueryAsync<MemberRow>(new CommandDefinition(
                    "SELECT cluster_id AS ClusterId, account AS Account FROM cluster_members WHERE run_id = @runId AND cluster_id IN @ids ORDER BY cluster_id, account",
                    new { runId = run.Key, ids = chunk }, cancellationToken: cancellationToken));
                foreach (var member in found)
                {
                    if (!members.TryGetValue((run.Key, member.ClusterId), out var list))
                    {
                        members.Add((run.Key, member.ClusterId), list = []);
                    }

                    list.Add(member.Account);
                }
            }
        }

        return [.. rows.Select(row => new DetectedCluster(
            row.Id, (ClusterKind)row.Kind, row.Score, members.GetValueOrDefault((row.RunId, row.Id)) ?? [], row.Evidence,
            JsonSerializer.Deserialize<Dictionary<string, double>>(row.Figures) ?? []))];
    }

    private sealed record MemberRow(string ClusterId, string Account);

    private sealed record ClusterRow(long RunId, string Id, long Kind, double Score, string Evidence, string Figures);
}
