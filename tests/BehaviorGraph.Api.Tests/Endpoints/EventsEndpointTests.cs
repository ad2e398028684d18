using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using BehaviorGraph.Api.Contracts;
using BehaviorGraph.Api.Tests.Support;
using Microsoft.Data.Sqlite;

namespace BehaviorGraph.Api.Tests.Endpoints;

/// <summary><c>POST /v1/events</c> with hostile bodies: only the bad items of a batch are rejected, and no body gets a 500.</summary>
[Collection(ServiceCollection.Name)]
public sealed class EventsEndpointTests(ServiceFixture service)
{
    [Fact]
    public async Task Events_AnItemWithALoneSurrogateEscape_IsQuarantinedAlone_InAnArrayAndInJsonLines()
    {
        using var client = service.Client("admin");
        const string array = """
            [
              {"event_id":"sx1","ts":"2026-03-01T00:00:00Z","type":"login","actor":"sx-a"},
              {"event_id":"sx2","ts":"2026-03-01T00:00:01Z","type":"login","actor":"sx-\ud800"},
              {"event_id":"sx3","ts":"2026-03-01T00:00:02Z","type":"login","actor":"sx-b"}
            ]
            """;
        var lines = array.Replace("sx", "sy", StringComparison.Ordinal).Trim('[', ']', '\n', ' ').Replace(",\n", "\n", StringComparison.Ordinal);

        var fromArray = await PostAsync(client, Encoding.UTF8.GetBytes(array), "application/json");
        var fromLines = await PostAsync(client, Encoding.UTF8.GetBytes(lines), "application/x-ndjson");

        foreach (var (status, report) in new[] { fromArray, fromLines })
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal((3L, 2L, 1L), (report!.Read, report.Ingested, report.Quarantined));
            Assert.Equal(1, report.QuarantinedByReason["invalid_encoding"]);
        }

        Assert.Equal([2L], await QuarantinedLinesAsync(fromArray.Report!.ContentHash));
    }

    [Theory]
    [InlineData("application/json", "[{\"event_id\":\"bom1\",\"ts\":\"2026-03-02T00:00:00Z\",\"type\":\"login\",\"actor\":\"bom-a\"}]")]
    [InlineData("application/x-ndjson", "{\"event_id\":\"bom2\",\"ts\":\"2026-03-02T00:00:00Z\",\"type\":\"login\",\"actor\":\"bom-b\"}\n")]
    public async Task Events_WithAUtf8ByteOrderMark_AreAccepted_AsInFiles(string mediaType, string body)
    {
        using var client = service.Client("admin");

        var (status, report) = await PostAsync(client, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(body)], mediaType);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((1L, 1L, 0L), (report!.Read, report.Ingested, report.Quarantined));
    }

    [Fact]
    public async Task Events_ArrayItemsThatAreNoEventObjects_OrNotUtf8_AreQuarantinedByTheirPosition()
    {
        using var client = service.Client("admin");
        byte[] body =
        [
            .. "[1, \"text\", null, [2],\n  {\"event_id\":\"pos5\",\"ts\":\"2026-03-03T00:00:00Z\",\n   \"type\":\"login\",\"actor\":\"pos-a\"},\n"u8,
            .. "{\"event_id\":\"pos6\",\"ts\":\"2026-03-03T00:00:00Z\",\"type\":\"login\",\"actor\":\"pos-"u8, 0xFF, .. "\"},"u8,
            .. "{\"event_id\":\"pos7\",\"ts\":\"2026-03-03T00:00:00Z\",\"type\":\"login\",\"actor\":\"pos-b\",\"ACTOR\":\"pos-c\"}]"u8,
        ];

        var (status, report) = await PostAsync(client, body, "application/json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((7L, 1L, 6L), (report!.Read, report.Ingested, report.Quarantined));
        Assert.Equal([1L, 2L, 3L, 4L, 6L, 7L], await QuarantinedLinesAsync(report.ContentHash));
        Assert.Equal(4, report.QuarantinedByReason["invalid_json"]);
        Assert.Equal(1, report.QuarantinedByReason["invalid_encoding"]);
        Assert.Equal(1, report.QuarantinedByReason["duplicate_field"]);
    }

    [Theory]
    [InlineData("[")]
    [InlineData("[1,")]
    [InlineData("[{\"actor\":\"\\ud800\"")]
    [InlineData("[{]")]
    [InlineData("[1]]")]
    [InlineData("[1] x")]
    [InlineData("\uFEFF\uFEFF[1]")]
    public async Task Events_AMalformedArray_Gets400_NeverA500(string body)
    {
        using var client = service.Client("admin");

        var (status, _) = await PostAsync(client, Encoding.UTF8.GetBytes(body), "application/json", readReport: false);

        Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.OK, $"{status} for {body}");
    }

    [Fact]
    public async Task Events_DeeplyNestedOrBinaryBodies_NeverGetA500()
    {
        using var client = service.Client("admin");
        var bodies = new List<(byte[] Body, string MediaType)>
        {
            (Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000)), "application/json"),
            (Encoding.UTF8.GetBytes("[" + string.Join(',', Enumerable.Repeat("{\"a\":" + new string('[', 200) + new string(']', 200) + "}", 50)) + "]"), "application/json"),
            ([0x00, 0x00, 0x00, 0x5B, 0x00], "application/json"),
            ([0xFF, 0xFE, 0x5B, 0x00, 0x5D, 0x00], "application/json"),
            ([0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00], "application/x-ndjson"),
            (Encoding.UTF8.GetBytes("{\"ts\":1}\r\n\r\n\u2028{\"x\":\"\\udfff\"}\n\0\0\0"), "application/x-ndjson"),
        };
        var rng = new Random(12);
        for (var i = 0; i < 150; i++)
        {
            var fragments = new[] { "[", "]", "{", "}", ",", ":", "\"", "\\u", "d800", "\"actor\"", "\"ts\"", "1e400", "null", "\n", "\r", " ", "\uFEFF", "\u202E" };
            var text = new StringBuilder(rng.Next(2) == 0 ? "[" : "");
            for (var j = rng.Next(1, 60); j > 0; j--)
            {
                text.Append(fragments[rng.Next(fragments.Length)]);
            }

            var bytes = Encoding.UTF8.GetBytes(text.ToString());
            if (rng.Next(3) == 0)
            {
                bytes[rng.Next(bytes.Length)] = (byte)rng.Next(256);
            }

            bodies.Add((bytes, rng.Next(2) == 0 ? "application/json" : "application/x-ndjson"));
        }

        foreach (var (body, mediaType) in bodies)
        {
            var (status, _) = await PostAsync(client, body, mediaType, readReport: false);
            Assert.True((int)status < 500, $"{(int)status} for a {mediaType} body of {body.Length} bytes: {Convert.ToHexString(body.AsSpan(0, Math.Min(body.Length, 80)))}");
        }
    }

    private static async Task<(HttpStatusCode Status, EventsResponse? Report)> PostAsync(HttpClient client, byte[] body, string mediaType, bool readReport = true)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await client.PostAsync("/v1/events", content);
        var report = readReport && response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<EventsResponse>(Json.Options) : null;
        return (response.StatusCode, report);
    }

    private async Task<List<long>> QuarantinedLinesAsync(string contentHash)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(service.Directory, "bg.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT line FROM quarantine WHERE content_hash = $hash ORDER BY line";
        command.Parameters.AddWithValue("$hash", contentHash);
        var lines = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetInt64(0));
        }

        return lines;
    }
}
