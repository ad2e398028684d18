using BehaviorGraph.Storage.Relational.Reads;
using BehaviorGraph.Storage.Sqlite;
using BehaviorGraph.Testing;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BehaviorGraph.Storage.Tests.Sqlite;

public sealed class NamedQueryPlanTests
{
    [Theory]
    [InlineData("accounts-sharing-device", "edges_by_device")]
    [InlineData("accounts-sharing-ip", "edges_by_ip")]
    public async Task IdentifierSharingQuery_FindsTheOtherAccountsThroughThePartialIndex_NotByScanningEdges(string name, string index)
    {
        using var directory = new TempDirectory();
        var path = directory.File("store.db");
        await (await SqliteBehaviorStore.OpenAsync(path, CancellationToken.None)).DisposeAsync();
        var sql = RelationalNamedQueries.SqlOf(name);

        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        var plan = (await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>(
            "EXPLAIN QUERY PLAN " + sql, new { account = "a1", limit = 10 })).Select(step => step.Detail).ToList();

        Assert.Contains(plan, step => step.Contains(index, StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN e", StringComparison.Ordinal));
    }
}
