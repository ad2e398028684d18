using BehaviorGraph.Ingest.Tests.Support;
using BehaviorGraph.Ingest.Validation;

namespace BehaviorGraph.Ingest.Tests;

public sealed class QuarantineTests
{
    private const string Header = "event_id,ts,type,actor,target,target_kind,value,device,ip\n";

    [Fact]
    public async Task Ingest_QuarantinesEachMalformedRow_WithLineAndReason_AndKeepsTheGoodRows()
    {
        await using var fx = await StoreFixture.CreateAsync();
        var longId = new string('x', 257);
        var rows = new (string Row, string? Code)[]
        {
            ("e1,2024-01-01T00:00:00Z,follow,a1,a2,,,,", null),                                  // line 2
            ("e2,,follow,a1,a2,,,,", QuarantineReasons.MissingField),                            // 3: no ts
            ("e3,2024-01-01T00:00:00Z,,a1,a2,,,,", QuarantineReasons.MissingField),              // 4: no type
            ("e4,2024-01-01T00:00:00Z,follow,,a2,,,,", QuarantineReasons.MissingField),          // 5: no actor
            ("e5,not-a-time,follow,a1,a2,,,,", QuarantineReasons.InvalidTimestamp),              // 6
            ("e6,2024-01-01T00:00:00,follow,a1,a2,,,,", QuarantineReasons.InvalidTimestamp),     // 7: no offset
            ("e7,2024-01-01T00:00:00Z,rate,a1,a2,,abc,,", QuarantineReasons.InvalidValue),       // 8
            ("e8,2024-01-01T00:00:00Z,rate,a1,a2,,11,,", QuarantineReasons.ValueOutOfRange),     // 9
            ($"e9,2024-01-01T00:00:00Z,follow,{longId},a2,,,,", QuarantineReasons.IdTooLong),    // 10
            ("e10,2024-01-01T00:00:00Z,follow,a\u00011,a2,,,,", QuarantineReasons.ControlCharacters), // 11
            ("e11,2024-01-01T00:00:00Z,follow,a1,a2,,,", QuarantineReasons.WrongColumnCount),   // 12: 8 columns
            ("e12,2024-01-01T00:00:00Z,like,a1,c1,thing,,,", QuarantineReasons.UnknownTargetKind), // 13
            ("e13,2024-01-01T00:00:00Z,follow,a1,,,,,", QuarantineReasons.MissingTarget),        // 14
            ("e14,2024-01-01T00:00:00Z,login,a1,a2,,,d1,", QuarantineReasons.UnexpectedTarget),  // 15
            ("e15,2024-01-01T00:00:00Z,fo llow,a1,a2,,,,", QuarantineReasons.InvalidType),       // 16
            ("e16,1704067200,like,a1,c1,,,d1,10.0.0.1", null),                                   // 17
            ("e17,2024-01-01T00:00:00Z,teleport,a1,,,,,", null),                                 // 18: unknown type is kept
        };
        var path = fx.Directory.Write("events.csv", Header + string.Join('\n', rows.Select(r => r.Row)) + "\n");

        var report = await fx.IngestAsync(path);

        Assert.Equal(rows.Length, report.Read);
        Assert.Equal(rows.Count(r => r.Code is null), report.Ingested);
        Assert.Equal(rows.Count(r => r.Code is not null), report.Quarantined);
        var stored = await fx.QueryAsync<(long Line, string Reason, string Raw)>("SELECT line, reason, raw FROM quarantine ORDER BY line");
        var expected = rows.Select((r, i) => (Line: i + 2L, r.Code)).Where(x => x.Code is not null).ToList();
        Assert.Equal(expected.Select(x => x.Line), stored.Select(s => s.Line));
        foreach (var (line, code) in expected)
        {
            var row = stored.Single(s => s.Line == line);
            Assert.Equal(code, QuarantineReasons.CodeOf(row.Reason));
            Assert.Equal(rows[line - 2].Row, row.Raw);
        }

        Assert.Equal(1L, await fx.QueryScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'teleport'"));
    }

    [Fact]
    public async Task Ingest_QuarantinesInvalidJsonLines_AndKeepsTheGoodOnes()
    {
        await using var fx = await StoreFixture.CreateAsync();
        var path = fx.Directory.Write("events.jsonl", string.Join('\n',
            """{"ts":"2024-01-01T00:00:00Z","type":"follow","actor":"a1","target":"a2"}""",
            """{"ts":1704067200,"type":"rate","actor":"a1","target":"a3","value":-3}""",
            """{"ts":"2024-01-01T00:00:00Z","type":"follow","actor":"a1",""",
            "[1,2,3]",
            "",
            """{"ts":"2024-01-01T00:00:00Z","type":"follow","actor":{"id":"a1"},"target":"a2"}""",
            """{"ts":"2024-01-01T00:00:00Z","type":"like","actor":"a9","target":"c1","target_kind":"content","device":"d1"}"""));

        var report = await fx.IngestAsync(path);

        Assert.Equal(6, report.Read);
        Assert.Equal(3, report.Ingested);
        Assert.Equal(3, report.Quarantined);
        var lines = await fx.QueryAsync<(long Line, string Reason)>("SELECT line, reason FROM quarantine ORDER BY line");
        Assert.Equal([3L, 4L, 6L], lines.Select(l => l.Line));
        Assert.All(lines, l => Assert.Equal(QuarantineReasons.InvalidJson, QuarantineReasons.CodeOf(l.Reason)));
        Assert.Contains("'actor'", lines[2].Reason, StringComparison.Ordinal);
        Assert.Equal(-3d, await fx.QueryScalarAsync<double>("SELECT value_sum FROM edges WHERE type = 'rate'"));
    }

    [Fact]
    public async Task Ingest_Fails_WhenTheCsvHeaderLacksRequiredColumns()
    {
        await using var fx = await StoreFixture.CreateAsync();
        var path = fx.Directory.Write("events.csv", "when,what,who\n2024-01-01T00:00:00Z,follow,a1\n");

        var error = await Assert.ThrowsAsync<IngestInputException>(() => fx.IngestAsync(path));

        Assert.Contains("ts, type, actor", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await fx.QueryScalarAsync<long>("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task Ingest_Fails_WhenTheFileDoesNotExist()
    {
        await using var fx = await StoreFixture.CreateAsync();

        var error = await Assert.ThrowsAsync<IngestInputException>(() => fx.IngestAsync(fx.Directory.File("missing.csv")));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }
}
