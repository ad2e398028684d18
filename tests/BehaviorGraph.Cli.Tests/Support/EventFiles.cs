using System.Globalization;

namespace BehaviorGraph.Cli.Tests.Support;

/// <summary>Event files cut the way a platform's history arrives: by time.</summary>
public static class EventFiles
{
    /// <summary>
    /// Generates a platform into <c>syn/</c> under <paramref name="dir"/> and splits its events by time into
    /// <c>early.csv</c> and <c>late.csv</c> there.
    /// </summary>
    public static async Task GenerateSplitByTimeAsync(string dir, int accounts, int seed, double fraction)
    {
        var generate = await Bgraph.RunAsync(dir, "generate", "--out", "syn", "--accounts", accounts.ToString(CultureInfo.InvariantCulture),
            "--seed", seed.ToString(CultureInfo.InvariantCulture), "--json");
        Assert.True(generate.ExitCode == 0, generate.Stderr);
        SplitByTime(Path.Combine(dir, "syn", "events.csv"), fraction, Path.Combine(dir, "early.csv"), Path.Combine(dir, "late.csv"));
    }

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
