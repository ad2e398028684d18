using System.Globalization;
using System.Text.RegularExpressions;
using BehaviorGraph.Api.Tests.Support;
using Microsoft.Extensions.Logging;

namespace BehaviorGraph.Api.Tests.Security;

public sealed partial class RejectedRequestLogTests
{
    [Fact]
    public async Task RejectedRequests_AreSummarisedOncePerInterval_WithExactCounts()
    {
        var logs = new CapturedLogs();
        await using var service = await TestService.StartAsync([Settings.Service("RejectedRequestLogInterval", TimeSpan.FromMilliseconds(300))], logs);

        var sent = await SendRejectedAsync(service, unauthenticated: 200, forbidden: 50);

        // Every refused request is counted in exactly one summary; summaries come at most once per interval.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var summaries = Summaries(logs);
        while (summaries.Sum(s => s.Total) < sent && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            summaries = Summaries(logs);
        }

        Assert.Equal(sent, summaries.Sum(s => s.Total));
        Assert.Equal(50, summaries.Sum(s => s.Forbidden));
        Assert.All(summaries, s => Assert.Equal(LogLevel.Warning, s.Level));
        Assert.All(summaries, s => Assert.Contains("127.0.0.1", s.Message, StringComparison.Ordinal));
    }

    private static List<(int Total, int Forbidden, LogLevel Level, string Message)> Summaries(CapturedLogs logs) =>
        logs.Lines
            .Select(l => (Line: l, Match: Regex.Match(l.Message, @"^Refused (\d+) request\(s\) in the last [\d.]+ s: (.*)$")))
            .Where(x => x.Match.Success)
            .Select(x =>
            {
                var forbidden = Regex.Match(x.Match.Groups[2].Value, @"403 × (\d+)");
                return (
                    int.Parse(x.Match.Groups[1].Value, CultureInfo.InvariantCulture),
                    forbidden.Success ? int.Parse(forbidden.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
                    x.Line.Level,
                    x.Line.Message);
            })
            .ToList();
}
