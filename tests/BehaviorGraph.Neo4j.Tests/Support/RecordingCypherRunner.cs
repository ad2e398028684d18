using System.Net;
using System.Text;
using BehaviorGraph.Neo4j.Client;

namespace BehaviorGraph.Neo4j.Tests.Support;

/// <summary>
/// Stands in for Neo4j where none runs: records every query and answers with the Query API JSON that
/// <paramref name="answer"/> writes, parsed by the real response reader.
/// </summary>
internal sealed class RecordingCypherRunner(Func<CypherQuery, string> answer) : ICypherRunner
{
    public List<CypherQuery> Queries { get; } = [];

    public Task<CypherResult> RunAsync(CypherQuery query, CancellationToken cancellationToken)
    {
        Queries.Add(query);
        return Task.FromResult(CypherJson.ReadResponse(HttpStatusCode.Accepted, Encoding.UTF8.GetBytes(answer(query))));
    }

    public static int RowCount(CypherQuery query) =>
        query.Parameters.TryGetValue("rows", out var rows) && rows is System.Collections.ICollection list ? list.Count : 0;
}
