using BehaviorGraph.Core.Events;
using BehaviorGraph.Core.Graph;
using BehaviorGraph.Neo4j.Cypher;
using BehaviorGraph.Neo4j.Store;
using BehaviorGraph.Neo4j.Tests.Support;

namespace BehaviorGraph.Neo4j.Tests.Cypher;

public sealed class CypherLibraryTests
{
    [Fact]
    public void Library_EmbedsEveryCypherFileOfTheRepository_ExceptTheLintTool()
    {
        var root = Path.Combine(RepoRoot.Path, "cypher");
        var onDisk = Directory.EnumerateFiles(root, "*.cypher", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(root, f).StartsWith("lint", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')[..^".cypher".Length])
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(onDisk);
        Assert.Equal(onDisk, CypherLibrary.Statements.Keys.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Parse_ReadsDeclaredParameters_FromTheHeader()
    {
        var statement = CypherStatement.Parse("x", "// Does a thing.\n// params:\n//   $rows: list of {a: int,\n//           b: int}\n//   $limit: int\nUNWIND $rows AS row RETURN row LIMIT $limit\n");
        var none = CypherStatement.Parse("y", "// params: none\nRETURN 1\n");

        Assert.Equal(["limit", "rows"], statement.Parameters.Order(StringComparer.Ordinal));
        Assert.Empty(none.Parameters);
    }

    [Fact]
    public void Parse_RejectsAStatementWithoutParamsHeader()
    {
        var error = Assert.Throws<InvalidDataException>(() => CypherStatement.Parse("bad", "MATCH (n) RETURN n"));

        Assert.Contains("'bad'", error.Message);
    }

    [Fact]
    public void CheckParameters_NamesMissingAndUndeclaredParameters()
    {
        var statement = CypherLibrary.Get("export/read_nodes");

        var error = Assert.Throws<ArgumentException>(() =>
            statement.CheckParameters(new Dictionary<string, object?> { ["after"] = 0L, ["extra"] = 1 }));

        Assert.Contains("missing: $limit", error.Message);
        Assert.Contains("not declared: $extra", error.Message);
    }

    [Fact]
    public void GraphModel_MapsEveryKnownTargetedEventTypeAndIdentityEdge_ToItsOwnStatement()
    {
        var edgeTypes = EventTypes.Known.Where(t => !EventTypes.IsTargetless(t)).Append(EdgeTypes.UsesDevice).Append(EdgeTypes.UsesIp).ToList();

        foreach (var type in edgeTypes)
        {
            var relationshipType = GraphModel.RelationshipTypeOf(type);
            Assert.NotEqual(GraphModel.GenericRelationshipType, relationshipType);
            Assert.Contains($"[r:{relationshipType}]", GraphModel.MergeRelationshipsStatement(type).Text);
        }

        Assert.Equal("FOLLOWS", GraphModel.RelationshipTypeOf(EventTypes.Follow));
        Assert.Equal("USES_IP", GraphModel.RelationshipTypeOf(EdgeTypes.UsesIp));
    }

    [Fact]
    public void GraphModel_SendsUnknownEdgeTypes_ToInteractsWithTypeProperty()
    {
        Assert.Equal("INTERACTS", GraphModel.RelationshipTypeOf("gift"));
        Assert.Contains("[r:INTERACTS {type: row.type}]", GraphModel.MergeRelationshipsStatement("gift").Text);
    }

    [Fact]
    public void GraphModel_HasANodeStatementPerKind_AndFiveSchemaConstraints()
    {
        foreach (var kind in Enum.GetValues<NodeKind>())
        {
            Assert.Contains($"MERGE (n:{GraphModel.LabelOf(kind)} {{key: row.key}})", GraphModel.MergeNodesStatement(kind).Text);
        }

        Assert.Equal(5, GraphModel.SchemaStatements.Count);
        Assert.All(GraphModel.SchemaStatements, s => Assert.Contains("IF NOT EXISTS", s.Text));
    }

    [Fact]
    public void AnalystQueries_ListTheFiveLibraryQueries_WithDeclaredParameters()
    {
        Assert.Equal(
            [
                Neo4jAnalystQueries.AccountsSharingDevices,
                Neo4jAnalystQueries.LockstepPartners,
                Neo4jAnalystQueries.RingsOfAccount,
                Neo4jAnalystQueries.TopRiskInCluster,
                Neo4jAnalystQueries.TwoHopNeighbourhood,
            ],
            Neo4jAnalystQueries.Names);
        Assert.Equal(
            ["account_key", "limit", "min_shared", "window_ms"],
            Neo4jAnalystQueries.ParametersOf(Neo4jAnalystQueries.LockstepPartners).Order(StringComparer.Ordinal));
        Assert.Throws<ArgumentException>(() => Neo4jAnalystQueries.ParametersOf("drop_everything"));
    }
}
