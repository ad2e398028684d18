using System.Globalization;

namespace BehaviorGraph.Cli.Tests.Support;

/// <summary>Event files cut the way a platform's history arrives: by time.</summary>
public static class EventFiles
{
    /// <summary>Rows before the <paramref name="fraction"/> quantile of event time go to one file, the rest to the other.</summary>
    public static void SplitByTime(string events, double fraction, string early, string late)
    {
        var lines = File.ReadAllLines(events);
        var header = lines[0].Split(',');
        var ts = Array.IndexOf(header, "ts");
        Assert.True(ts >= 0, "events.csv has no ts column");
        var rows = lines.Skip(1).Select(l => (Line: l, Time: DateTimeOffset.Parse(l.Split(',')[ts], CultureInfo.InvariantCulture))).ToList();
        var cut = rows.Select(r => r.Time).Order().ElementAt((int)(rows.Count * fraction));
        File.WriteAllLines(early, [lines[0], .. rows.Where(r => r.Time < cut).Select(r => r.Line)]);
        File.WriteAllLines(late, [lines[0], .. rows.Where(r => r.Time >= cut).Select(r => r.Line)]);
    }
}
