using System.Globalization;

namespace BehaviorGraph.Testing;

/// <summary>Event files cut the way a platform's history arrives: by time.</summary>
public static class EventFileSplit
{
    /// <summary>
    /// Rows of the CSV <paramref name="events"/> before the <paramref name="fraction"/> quantile of event time go to
    /// <paramref name="early"/>, the rest to <paramref name="late"/>, each with the header; returns the rows written to each.
    /// </summary>
    public static (int Early, int Late) ByTime(string events, double fraction, string early, string late)
    {
        var lines = File.ReadAllLines(events);
        var ts = Array.IndexOf(lines[0].Split(','), "ts");
        if (ts < 0)
        {
            throw new InvalidDataException($"{events} has no ts column.");
        }

        var rows = lines.Skip(1).Select(l => (Line: l, Time: DateTimeOffset.Parse(l.Split(',')[ts], CultureInfo.InvariantCulture))).ToList();
        var cut = rows.Select(r => r.Time).Order().ElementAt((int)(rows.Count * fraction));
        var before = rows.Where(r => r.Time < cut).Select(r => r.Line).ToList();
        var after = rows.Where(r => r.Time >= cut).Select(r => r.Line).ToList();
        File.WriteAllLines(early, [lines[0], .. before]);
        File.WriteAllLines(late, [lines[0], .. after]);
        return (before.Count, after.Count);
    }
}
