using System.Globalization;
using System.Text;
using BehaviorGraph.Ingest.Tests.Support;

namespace BehaviorGraph.Ingest.Tests;

/// <summary>
/// The ways a hostile file lost good rows or aborted (issue 12), each as it was found: one bad row must cost only
/// itself. Reason codes are written out as text, as an operator reads them.
/// </summary>
public sealed class HostileInputTests
{
    private const string Header = "event_id,ts,type,actor,target,target_kind,value,device,ip\n";

    private static string Row(int i) => $"e{i},{1_700_000_000 + i},follow,a{i % 101},a{i % 103},,,d{i % 7},10.0.{i % 5}.1\n";

    private static string Rows(int from, int count) => string.Concat(Enumerable.Range(from, count).Select(Row));

    [Fact]
    public async Task Ingest_AStrayQuoteInAnUnquotedField_CostsOnlyItsOwnRow()
    {
        await using var fx = await StoreFixture.CreateAsync();
        var path = fx.Directory.Write("events.csv",
            Header + Rows(0, 2_999) + "e2999,1700002999,follow,a\"1,a2,,,,\n" + Rows(3_000, 2_000));

        var report = await fx.IngestAsync(path);

        Assert.Equal((5_000L, 4_999L, 1L), (report.Read, report.Ingested, report.Quarantined));
        var quarantined = await fx.QueryAsync<(long Line, string Reason)>("SELECT line, reason FROM quarantine");
        Assert.Equal(3_001L, Assert.Single(quarantined).Line);
        Assert.StartsWith("invalid_csv:", quarantined[0].Reason, StringComparison.Ordinal);
        Assert.Equal(4_999L, await fx.QueryScalarAsync<long>("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task Ingest_TwoQuotes1001RowsApart_QuarantineTwoRows_NotTheRowsBetween()
    {
        await using var fx = await StoreFixture.CreateAsync();
        var path = fx.Directory.Write("events.csv",
            Header + Rows(0, 100) + "x1,1700000000,follow,\"open,a2,,,,\n" + Rows(101, 1_000) + "x2,1700000000,follow,close\",a2,,,,\n" + Rows(1_102, 50));

        var report = await fx.IngestAsync(path);

        Assert.Equal((1_152L, 1_150L, 2L), (report.Read, report.Ingested, report.Quarantined));
        Assert.Equal([102L, 1_103L], await fx.QueryAsync<long>("SELECT line FROM quarantine ORDER BY line"));
    }

    [Fact]
    public async Task Ingest_AnOpenQuoteBeforeMoreThan16MBOfRows_StillCostsOneRow()
    {
        await using var fx = await StoreFixture.CreateAsync();
        var text = new StringBuilder(Header).Append("x,1700000000,follow,\"a1,a2,,,,\n");
        var i = 0;
        while (text.Length < 17 << 20)
        {
            text.Append(Row(i++));
        }

        var path = fx.Directory.Write("events.csv", text.ToString());

        var report = await fx.IngestAsync(path);

        Assert.Equal((i + 1L, (long)i, 1L), (report.Read, report.Ingested, report.Quarantined));
        Assert.Equal(2L, await fx.QueryScalarAsync<long>("SELECT line FROM quarantine"));
    }

    [Fact]
    public async Task Ingest_ACsvRowOver16MB_IsQuarantinedWithItsLength_AndTheRowsAroundItGoIn()
    {
        await using var fx = await StoreFixture.CreateAsync();
        var huge = "big,1700000000,follow," + new string('a', 17 << 20) + ",a2,,,,";
        var path = fx.Directory.Write("events.csv", Header + Rows(0, 10) + huge + "\n" + Rows(10, 10));

        var report = await fx.IngestAsync(path);

        Assert.Equal((21L, 20L, 1L), (report.Read, report.Ingested, report.Quarantined));
        var (line, reason, raw) = Assert.Single(await fx.QueryAsync<(long Line, string Reason, string Raw)>("SELECT line, reason, raw FROM quarantine"));
        Assert.Equal(12, line);
        Assert.StartsWith("row_too_long:", reason, StringComparison.Ordinal);
        Assert.Contains(Encoding.UTF8.GetByteCount(huge).ToString("N0", CultureInfo.InvariantCulture), reason, StringComparison.Ordinal);
        Assert.StartsWith("big,1700000000,follow,aaaa", raw, StringComparison.Ordinal);
        Assert.InRange(raw.Length, 100, 2_000);
    }

    [Fact]
    public async Task Ingest_ALoneSurrogateEscapeInJson_IsQuarantined_AndTheRowsAroundItGoIn()
    {
        await using var fx = await StoreFixture.CreateAsync();
        var path = fx.Directory.Write("events.jsonl", string.Join('\n',
            """{"ts":"2024-01-01T00:00:00Z","type":"follow","actor":"a1","target":"a2"}""",
            """{"ts":"2024-01-01T00:00:00Z","type":"follow","actor":"a\ud800","target":"a2"}""",
            """{"ts":"2024-01-01T00:00:00Z","type":"follow","actor":"a3","target":"\udc00x"}""",
            """{"ts":"2024-01-01T00:00:01Z","type":"follow","actor":"a1","target":"a3","note":"\ud800"}""",
            """{"ts":"2024-01-01T00:00:02Z","type":"follow","actor":"\ud83d\ude00","target":"a3"}""") + "\n");

        var report = await fx.IngestAsync(path);

        Assert.Equal((5L, 3L, 2L), (report.Read, report.Ingested, report.Quarantined));
        var rows = await fx.QueryAsync<(long Line, string Reason)>("SELECT line, reason FROM quarantine ORDER BY line");
        Assert.Equal([2L, 3L], rows.Select(r => r.Line));
        Assert.All(rows, r => Assert.StartsWith("invalid_encoding:", r.Reason, StringComparison.Ordinal));
        Assert.Equal(1L, await fx.QueryScalarAsync<long>("SELECT count(*) FROM nodes WHERE key = '\U0001F600'"));
    }

    [Fact]
    public async Task Ingest_InvalidUtf8_IsQuarantined_NeverReplacedAndMergedIntoOneAccount()
    {
        await using var fx = await StoreFixture.CreateAsync();
        var path = fx.Directory.File("events.csv");
        await File.WriteAllBytesAsync(path, [
            .. "ts,type,actor\n"u8,
            .. "2024-01-01T00:00:00Z,login,a"u8, 0xFF, 0xFE, (byte)'3', (byte)'\n',
            .. "2024-01-01T00:00:01Z,login,a"u8, 0xC0, 0xAF, (byte)'3', (byte)'\n',
            .. "2024-01-01T00:00:02Z,login,b\u00e93\n"u8,
        ]);

        var report = await fx.IngestAsync(path);

        Assert.Equal((3L, 1L, 2L), (report.Read, report.Ingested, report.Quarantined));
        var rows = await fx.QueryAsync<(long Line, string Reason, string Raw)>("SELECT line, reason, raw FROM quarantine ORDER BY line");
        Assert.Equal([2L, 3L], rows.Select(r => r.Line));
        Assert.All(rows, r => Assert.StartsWith("invalid_encoding:", r.Reason, StringComparison.Ordinal));
        Assert.Equal("2024-01-01T00:00:00Z,login,a\\xFF\\xFE3", rows[0].Raw);
        Assert.Equal("2024-01-01T00:00:01Z,login,a\\xC0\\xAF3", rows[1].Raw);
        Assert.Equal(["b\u00e93"], await fx.QueryAsync<string>("SELECT key FROM nodes WHERE kind = 1"));
    }

    [Fact]
    public async Task Ingest_JsonKeys_MatchRegardlessOfCase_LikeCsvHeaders()
    {
        await using var fx = await StoreFixture.CreateAsync();
        var path = fx.Directory.Write("events.jsonl",
            """{"TS":"2024-01-01T00:00:00Z","Type":"rate","ACTOR":"a1","Target":"a2","Value":3,"DEVICE":"d1"}""" + "\n");

        var report = await fx.IngestAsync(path);

        Assert.Equal((1L, 1L, 0L), (report.Read, report.Ingested, report.Quarantined));
        Assert.Equal(3d, await fx.QueryScalarAsync<double>("SELECT value_sum FROM edges WHERE type = 'rate'"));
        Assert.Equal(1L, await fx.QueryScalarAsync<long>("SELECT count(*) FROM edges WHERE type = 'uses_device'"));
    }

    [Fact]
    public async Task Ingest_AJsonRowNamingAFieldTwice_IsQuarantinedAsAmbiguous_NotLastWins()
    {
        await using var fx = await StoreFixture.CreateAsync();
        var path = fx.Directory.Write("events.jsonl", string.Join('\n',
            """{"ts":"2024-01-01T00:00:00Z","type":"follow","actor":"a1","target":"a2","actor":"admin"}""",
            """{"ts":"2024-01-01T00:00:00Z","type":"follow","actor":"a1","target":"a2","Target":"a3"}""",
            """{"ts":"2024-01-01T00:00:00Z","type":"follow","actor":"a1","target":"a4"}""") + "\n");

        var report = await fx.IngestAsync(path);

        Assert.Equal((3L, 1L, 2L), (report.Read, report.Ingested, report.Quarantined));
        var reasons = await fx.QueryAsync<string>("SELECT reason FROM quarantine ORDER BY line");
        Assert.All(reasons, r => Assert.StartsWith("duplicate_field:", r, StringComparison.Ordinal));
        Assert.Equal(0L, await fx.QueryScalarAsync<long>("SELECT count(*) FROM nodes WHERE key IN ('admin', 'a3')"));
    }

    [Fact]
    public async Task Ingest_AValueBeyondABillion_IsQuarantined_SoAnEdgeSumStaysFinite()
    {
        await using var fx = await StoreFixture.CreateAsync();
        var path = fx.Directory.Write("events.csv", "ts,type,actor,target,value\n" +
            "1700000000,purchase,a1,c1,1e308\n" +
            "1700000001,purchase,a1,c1,1e308\n" +
            "1700000002,purchase,a1,c1,1e9\n" +
            "1700000003,purchase,a1,c1,-1e9\n" +
            "1700000004,purchase,a1,c1,1000000000.5\n");

        var report = await fx.IngestAsync(path);

        Assert.Equal((5L, 2L, 3L), (report.Read, report.Ingested, report.Quarantined));
        Assert.All(await fx.QueryAsync<string>("SELECT reason FROM quarantine"), r => Assert.StartsWith("value_out_of_range:", r, StringComparison.Ordinal));
        Assert.Equal(0d, await fx.QueryScalarAsync<double>("SELECT value_sum FROM edges WHERE type = 'purchase'"));
    }

    [Theory]
    [InlineData("events.csv", "")]
    [InlineData("events.jsonl", "")]
    [InlineData("events.csv", "\n  \n")]
    [InlineData("events.jsonl", "\n  \n")]
    [InlineData("events.csv", "\uFEFF")]
    [InlineData("events.jsonl", "\uFEFF")]
    public async Task Ingest_AnEmptyFile_IsAnEmptySource_InBothFormats(string name, string content)
    {
        await using var fx = await StoreFixture.CreateAsync();
        var path = fx.Directory.Write(name, content);

        var first = await fx.IngestAsync(path);
        var second = await fx.IngestAsync(path);

        Assert.Equal((0L, 0L, 0L, false), (first.Read, first.Ingested, first.Quarantined, first.AlreadyComplete));
        Assert.True(second.AlreadyComplete);
    }

    [Theory]
    [InlineData("a\u200B1", "invisible_characters")]
    [InlineData("a\u200D1", "invisible_characters")]
    [InlineData("a\uFEFF1", "invisible_characters")]
    [InlineData("\u00A0a1", "invisible_characters")]
    [InlineData("a1\u2028", "invisible_characters")]
    [InlineData("a\u202E1", "bidi_control")]
    [InlineData("a\u20661", "bidi_control")]
    [InlineData("a\u200F1", "bidi_control")]
    [InlineData("a\uFFFD1", "invalid_encoding")]
    public async Task Ingest_AnIdWithInvisibleOrBidiCharacters_IsQuarantined(string actor, string code)
    {
        await using var fx = await StoreFixture.CreateAsync();
        var path = fx.Directory.Write("events.csv", $"ts,type,actor,target\n1700000000,follow,{actor},a2\n1700000000,follow,a1,a2\n");

        var report = await fx.IngestAsync(path);

        Assert.Equal((2L, 1L, 1L), (report.Read, report.Ingested, report.Quarantined));
        Assert.StartsWith(code + ":", await fx.QueryScalarAsync<string>("SELECT reason FROM quarantine"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_QuarantineReasons_ShowControlCharactersEscaped_NeverRaw()
    {
        await using var fx = await StoreFixture.CreateAsync();
        var path = fx.Directory.Write("events.csv", "ts,type,actor,target\n1700000000,\u001B[2Jfollow,a1,a2\n\u001B[31m2024,follow,a1,a2\n");

        await fx.IngestAsync(path);

        var reasons = await fx.QueryAsync<string>("SELECT reason FROM quarantine ORDER BY line");
        Assert.Equal(2, reasons.Count);
        Assert.All(reasons, r => Assert.DoesNotContain('\u001B', r));
        Assert.All(reasons, r => Assert.Contains("\\u001B", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ingest_AUtf16File_FailsWithAMessageThatSaysSo()
    {
        await using var fx = await StoreFixture.CreateAsync();
        var path = fx.Directory.File("events.csv");
        await File.WriteAllBytesAsync(path, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("ts,type,actor\n1700000000,login,a1\n")]);

        var error = await Assert.ThrowsAsync<IngestInputException>(() => fx.IngestAsync(path));

        Assert.Contains("UTF-16", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\0', error.Message);
    }

    [Fact]
    public async Task Ingest_ACsvHeaderNamingAColumnTwice_FailsAsAmbiguous()
    {
        await using var fx = await StoreFixture.CreateAsync();
        var path = fx.Directory.Write("events.csv", "ts,type,actor,ACTOR\n1700000000,login,a1,admin\n");

        var error = await Assert.ThrowsAsync<IngestInputException>(() => fx.IngestAsync(path));

        Assert.Contains("'actor' twice", error.Message, StringComparison.Ordinal);
    }
}
