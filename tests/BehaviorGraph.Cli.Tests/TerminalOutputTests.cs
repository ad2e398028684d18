using System.Text;
using BehaviorGraph.Cli.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BehaviorGraph.Cli.Tests;

/// <summary>
/// Text that came from outside (ids, notes, quarantined rows, arguments echoed in errors) reaches the terminal with
/// its control and bidi characters shown, never sent: ESC [2J would clear the screen, U+202E would reorder the line.
/// </summary>
public sealed class TerminalOutputTests
{
    private const string ClearScreen = "\u001b[2J";

    [Fact]
    public async Task StatsQuarantine_ShowsARawRowsEscapeSequence_Visibly()
    {
        using var dir = new TempDirectory();
        dir.Write("events.csv", $"ts,type,actor,target\n2024-01-01T00:00:00Z,follow,a1,a2\n2024-01-01T00:00:01Z,follow,evil{ClearScreen}\u0007,a2\n");
        Assert.Equal(0, (await Bgraph.RunAsync(dir.Path, "ingest", "events.csv", "--store", "sqlite:./s.db")).ExitCode);

        var stats = await Bgraph.RunAsync(dir.Path, "stats", "--quarantine", "5", "--store", "sqlite:./s.db");

        Assert.Equal(0, stats.ExitCode);
        AssertNoRawControls(stats.Stdout + stats.Stderr);
        Assert.Contains("evil\\u001B[2J\\u0007,a2", stats.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Account_ShowsStoredLabelText_Visibly()
    {
        using var dir = new TempDirectory();
        dir.Write("events.csv", "ts,type,actor,target\n2024-01-01T00:00:00Z,follow,a1,a2\n");
        Assert.Equal(0, (await Bgraph.RunAsync(dir.Path, "ingest", "events.csv", "--store", "sqlite:./s.db")).ExitCode);
        // A label written before labels were validated, with an analyst and note carrying terminal controls.
        await using (var connection = new SqliteConnection($"Data Source={dir.File("s.db")};Pooling=False"))
        {
            await connection.ExecuteAsync(
                "INSERT INTO labels (account, label, source, analyst, note, labelled_at) VALUES ('a1', 1, 'api', @analyst, @note, 1767225600000)",
                new { analyst = $"ana{ClearScreen}", note = "see \u202Eevil\u0000 \u009B31m" });
        }

        var account = await Bgraph.RunAsync(dir.Path, "account", "a1", "--store", "sqlite:./s.db");

        Assert.True(account.ExitCode == 0, account.Stderr);
        AssertNoRawControls(account.Stdout + account.Stderr);
        Assert.Contains("ana\\u001B[2J", account.Stdout, StringComparison.Ordinal);
        Assert.Contains("\\u202Eevil\\u0000", account.Stdout, StringComparison.Ordinal);
        Assert.Contains("\\u009B31m", account.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("account")]
    [InlineData("cluster")]
    public async Task ErrorMessages_ShowAnEchoedArgument_Visibly(string command)
    {
        using var dir = new TempDirectory();
        dir.Write("events.csv", "ts,type,actor,target\n2024-01-01T00:00:00Z,follow,a1,a2\n");
        Assert.Equal(0, (await Bgraph.RunAsync(dir.Path, "ingest", "events.csv", "--store", "sqlite:./s.db")).ExitCode);
        Assert.Equal(0, (await Bgraph.RunAsync(dir.Path, "analyze", "--store", "sqlite:./s.db")).ExitCode);

        var result = await Bgraph.RunAsync(dir.Path, command, $"x{ClearScreen}\u202Ey", "--store", "sqlite:./s.db");

        Assert.Equal(1, result.ExitCode);
        AssertNoRawControls(result.Stdout + result.Stderr);
        Assert.Contains("x\\u001B[2J\\u202Ey", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABinaryLabelsFile_IsRefusedWithoutEchoingItsBytes()
    {
        using var dir = new TempDirectory();
        var bytes = new byte[] { 0x1B, (byte)'[', (byte)'2', (byte)'J', 0x00, 0x01, 0xFF, 0xFE, 0x9B, (byte)'\n', 0x00, 0x07 };
        await File.WriteAllBytesAsync(dir.File("labels.csv"), bytes);

        var result = await Bgraph.RunAsync(dir.Path, "train", "--labels", "labels.csv", "--store", "sqlite:./s.db");

        Assert.Equal(1, result.ExitCode);
        AssertNoRawControls(result.Stdout + result.Stderr);
        Assert.DoesNotContain("\uFFFD", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("labels.csv", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 1", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnexpectedFailure_IsReportedWithoutTheExceptionTypesName()
    {
        using var dir = new TempDirectory();

        var result = await Bgraph.RunAsync(dir.Path, "generate", "--out", "/proc/bgraph-cannot-write-here", "--accounts", "200");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("bgraph: error: ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b[A-Z][A-Za-z]+Exception\b", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    private static void AssertNoRawControls(string output)
    {
        var bad = output.Where(c => (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069').ToList();
        Assert.True(bad.Count == 0, $"raw control or bidi characters reached the terminal: {string.Join(" ", bad.Select(c => $"U+{(int)c:X4}"))}");
    }
}
