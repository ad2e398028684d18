using System.Net;
using System.Text;
using System.Text.Json;
using BehaviorGraph.Neo4j.Client;

namespace BehaviorGraph.Neo4j.Tests.Client;

public sealed class CypherJsonTests
{
    private static JsonElement Parameters(Dictionary<string, object?> parameters) =>
        JsonDocument.Parse(CypherJson.WriteRequest(new CypherQuery("RETURN 1", parameters))).RootElement.GetProperty("parameters").Clone();

    private static string Raw(Dictionary<string, object?> parameters, string name) => Parameters(parameters).GetProperty(name).GetRawText();

    [Fact]
    public void WriteRequest_WritesWholeDoublesWithAFraction_SoNeo4jReadsThemAsFloat()
    {
        var parameters = new Dictionary<string, object?> { ["whole"] = 3.0, ["half"] = 0.5, ["big"] = 1e21, ["int"] = 3L };

        Assert.Equal("3.0", Raw(parameters, "whole"));
        Assert.Equal("0.5", Raw(parameters, "half"));
        Assert.Equal("1E+21", Raw(parameters, "big"));
        Assert.Equal("3", Raw(parameters, "int"));
    }

    [Fact]
    public void WriteRequest_WritesNestedListsMapsAndNulls()
    {
        var parameters = new Dictionary<string, object?>
        {
            ["rows"] = new List<Dictionary<string, object?>>
            {
                new() { ["key"] = "a1", ["ids"] = new[] { "r1", "r2" }, ["gone"] = null, ["sum"] = 2.0 },
            },
        };

        Assert.Equal("""[{"key":"a1","ids":["r1","r2"],"gone":null,"sum":2.0}]""", Raw(parameters, "rows"));
    }

    [Fact]
    public void WriteRequest_RejectsNaN_NamingTheParameter()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            CypherJson.WriteRequest(new CypherQuery("RETURN 1", new Dictionary<string, object?>
            {
                ["rows"] = new List<Dictionary<string, object?>> { new() { ["score"] = double.NaN } },
            })));

        Assert.Contains("$rows[0].score", error.Message);
        Assert.Contains("NaN", error.Message);
    }

    [Fact]
    public void WriteRequest_RejectsTypesPlainJsonCannotCarry()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            CypherJson.WriteRequest(new CypherQuery("RETURN 1", new Dictionary<string, object?> { ["at"] = DateTimeOffset.UnixEpoch })));

        Assert.Contains("$at", error.Message);
        Assert.Contains("DateTimeOffset", error.Message);
    }

    [Fact]
    public void ReadResponse_ReportsEveryErrorCount_AndTheFirstCode()
    {
        var body = """{"errors":[{"code":"Neo.ClientError.Schema.ConstraintValidationFailed","message":"already exists"},{"code":"Neo.ClientError.General.X","message":"y"}]}""";

        var error = Assert.Throws<Neo4jException>(() => CypherJson.ReadResponse(HttpStatusCode.BadRequest, Encoding.UTF8.GetBytes(body)));

        Assert.Equal("Neo.ClientError.Schema.ConstraintValidationFailed", error.Code);
        Assert.Equal("already exists (and 1 more error(s))", error.Neo4jMessage);
    }

    [Fact]
    public void ReadResponse_ExplainsA404_AsNoQueryApi()
    {
        var error = Assert.Throws<Neo4jException>(() => CypherJson.ReadResponse(HttpStatusCode.NotFound, []));

        Assert.Equal("HTTP 404", error.Code);
        Assert.Contains("no Query API at this address", error.Message);
    }

    [Fact]
    public void ReadResponse_AcceptsAnEmptyResult_WithoutCounters()
    {
        var result = CypherJson.ReadResponse(HttpStatusCode.Accepted, Encoding.UTF8.GetBytes("""{"data":{"fields":[],"values":[]},"bookmarks":[]}"""));

        Assert.Empty(result.Fields);
        Assert.Empty(result.Rows);
        Assert.Equal(CypherCounters.None, result.Counters);
    }

    [Fact]
    public void ReadResponse_RejectsRowsThatDoNotMatchTheFields()
    {
        var error = Assert.Throws<Neo4jException>(() =>
            CypherJson.ReadResponse(HttpStatusCode.Accepted, Encoding.UTF8.GetBytes("""{"data":{"fields":["a","b"],"values":[[1]]}}""")));

        Assert.Contains("1 value(s) for 2 field(s)", error.Message);
    }

    [Fact]
    public void Row_NamesTheFieldAndType_WhenAValueHasTheWrongType()
    {
        var result = CypherJson.ReadResponse(HttpStatusCode.Accepted, Encoding.UTF8.GetBytes("""{"data":{"fields":["id"],"values":[["abc"]]}}"""));

        var error = Assert.Throws<InvalidDataException>(() => result.Rows[0].GetInt64("id"));

        Assert.Contains("Field 'id' holds String", error.Message);
        Assert.Throws<KeyNotFoundException>(() => result.Rows[0]["nope"]);
    }
}
