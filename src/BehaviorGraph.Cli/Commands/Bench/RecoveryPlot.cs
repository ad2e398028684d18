using ScottPlot;

namespace BehaviorGraph.Cli.Commands.Bench;

/// <summary>
/// "F vs density" as in FRAUDAR's evaluation figure (Hooi et al., KDD 2016 §5): the F1 of the injected block's best
/// match against the block's density, one line per attack, from the FRAUDAR points of a recovery run.
/// </summary>
internal static class RecoveryPlot
{
    public static bool TryWrite(string path, IReadOnlyList<RecoveryPointSummary> points)
    {
        var series = points
            .Where(p => p.Density is not null && p.Attack is not null && p.MeanF1ByKind.ContainsKey("block"))
            .GroupBy(p => p.Attack!)
            .ToList();
        if (series.Count == 0)
        {
            return false;
        }

        var plot = new Plot();
        Color[] colors = [Colors.SteelBlue, Colors.OrangeRed, Colors.SeaGreen, Colors.MediumPurple, Colors.DarkGoldenRod];
        var i = 0;
        foreach (var attack in series)
        {
            var ordered = attack.OrderBy(p => p.Density).ToList();
            var line = plot.Add.Scatter(ordered.Select(p => p.Density!.Value).ToArray(), ordered.Select(p => p.MeanF1ByKind["block"]).ToArray());
            line.LegendText = attack.Key switch
            {
                "none" => "no camouflage",
                "random" => "random camouflage",
                "degree" => "degree-biased camouflage",
                "hijacked" => "hijacked accounts",
                var other => other,
            };
            line.Color = colors[i++ % colors.Length];
            line.LineWidth = 2;
            line.MarkerSize = 7;
        }

        var runs = points.Where(p => p.Density is not null).Max(p => p.Runs);
        plot.Title($"FRAUDAR protocol: F1 of the injected block vs density ({runs} seed(s) per point)");
        plot.XLabel("Density of the injected block");
        plot.YLabel("F1 (best-matching reported block)");
        plot.Axes.SetLimits(0, 0.105, -0.02, 1.02);
        plot.ShowLegend(Alignment.LowerRight);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        plot.SavePng(path, 800, 560);
        return true;
    }
}
