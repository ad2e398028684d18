using System.Globalization;
using System.Net;
using System.Text;
using BehaviorGraph.Core.Scoring;
using ScottPlot;

namespace BehaviorGraph.Scoring.Reporting;

/// <summary>
/// Writes the model report: ROC and precision–recall curves and a score histogram by label (from the out-of-fold
/// predictions of cross-validation), feature importance, the cluster-size distribution, and an index.html that shows
/// them beside the metrics.
/// </summary>
public static class ScoringReport
{
    private const int Width = 800;
    private const int Height = 560;

    public static ReportFiles Write(string outDir, ScoringReportData data)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        ArgumentNullException.ThrowIfNull(data);
        Directory.CreateDirectory(outDir);
        var predictions = data.CrossValidation.Predictions;
        var scores = predictions.Select(p => p.Score).ToArray();
        var labels = predictions.Select(p => p.Abusive).ToArray();
        var overall = data.CrossValidation.Overall;

        var plots = new List<(string File, string Caption)>
        {
            (Save(outDir, "roc.png", RocPlot(scores, labels, overall)), "ROC curve of the out-of-fold predictions"),
            (Save(outDir, "precision-recall.png", PrPlot(scores, labels, overall)), "Precision–recall curve of the out-of-fold predictions"),
            (Save(outDir, "score-histogram.png", HistogramPlot(scores, labels)), "Out-of-fold scores of abusive and benign accounts"),
            (Save(outDir, "feature-importance.png", ImportancePlot(data.Importance)), "Permutation importance: AUC lost when a feature is shuffled"),
            (Save(outDir, "cluster-sizes.png", ClusterPlot(data.ClusterSizes)), "How many clusters of each size the analysis found"),
        };

        var index = Path.Combine(outDir, "index.html");
        File.WriteAllText(index, Html(data, plots));
        return new ReportFiles(index, plots.Select(p => Path.Combine(outDir, p.File)).ToList());
    }

    private static string Save(string outDir, string file, Plot plot)
    {
        plot.SavePng(Path.Combine(outDir, file), Width, Height);
        return file;
    }

    private static Plot RocPlot(double[] scores, bool[] labels, ModelMetrics metrics)
    {
        var plot = new Plot();
        var (fpr, tpr) = CurvePoints.Roc(scores, labels);
        var curve = plot.Add.ScatterLine(fpr, tpr);
        curve.LineWidth = 2;
        curve.LegendText = $"model (AUC {Show(metrics.Auc)})";
        var chance = plot.Add.Line(0, 0, 1, 1);
        chance.LinePattern = LinePattern.Dashed;
        chance.LegendText = "chance";
        plot.Title("ROC (cross-validated)");
        plot.XLabel("False positive rate");
        plot.YLabel("True positive rate");
        plot.Axes.SetLimits(0, 1, 0, 1.02);
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    private static Plot PrPlot(double[] scores, bool[] labels, ModelMetrics metrics)
    {
        var plot = new Plot();
        var (recall, precision) = CurvePoints.PrecisionRecall(scores, labels);
        var curve = plot.Add.ScatterLine(recall, precision);
        curve.LineWidth = 2;
        curve.LegendText = $"model (AUPRC {Show(metrics.Auprc)})";
        var baseRate = labels.Length == 0 ? 0 : labels.Count(l => l) / (double)labels.Length;
        var chance = plot.Add.HorizontalLine(baseRate);
        chance.LinePattern = LinePattern.Dashed;
        chance.LegendText = $"base rate {baseRate:P1}";
        plot.Title("Precision–recall (cross-validated)");
        plot.XLabel("Recall");
        plot.YLabel("Precision");
        plot.Axes.SetLimits(0, 1, 0, 1.02);
        plot.ShowLegend(Alignment.LowerLeft);
        return plot;
    }

    private static Plot HistogramPlot(double[] scores, bool[] labels)
    {
        const int bins = 20;
        var plot = new Plot();
        foreach (var (abusive, name) in new[] { (false, "benign"), (true, "abusive") })
        {
            var counts = new double[bins];
            for (var i = 0; i < scores.Length; i++)
            {
                if (labels[i] == abusive)
                {
                    counts[Math.Clamp((int)(scores[i] * bins), 0, bins - 1)]++;
                }
            }

            var positions = Enumerable.Range(0, bins).Select(b => (b + 0.5) / bins).ToArray();
            var bars = plot.Add.Bars(positions, counts);
            bars.LegendText = name;
            bars.Color = abusive ? Colors.OrangeRed.WithAlpha(0.6) : Colors.SteelBlue.WithAlpha(0.6);
            foreach (var bar in bars.Bars)
            {
                bar.Size = 1.0 / bins;
                bar.LineWidth = 0;
            }
        }

        plot.Title("Score by label (out-of-fold)");
        plot.XLabel("Probability of abuse");
        plot.YLabel("Accounts");
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperCenter);
        return plot;
    }

    private static Plot ImportancePlot(IReadOnlyList<FeatureImportance> importance)
    {
        // The 20 strongest features: with ~50 features every label would overlap; the full list is in the HTML table.
        const int shown = 20;
        var plot = new Plot();
        var ordered = importance.OrderByDescending(f => f.AucDrop).Take(shown).Reverse().ToList();
        var positions = Enumerable.Range(0, ordered.Count).Select(i => (double)i).ToArray();
        var bars = plot.Add.Bars(positions, ordered.Select(f => f.AucDrop).ToArray());
        bars.Horizontal = true;
        bars.Color = Colors.SeaGreen;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, ordered.Select(f => f.Feature).ToArray());
        plot.Title(importance.Count > shown
            ? $"Feature importance: top {shown} of {importance.Count} (permutation, training set)"
            : "Feature importance (permutation, training set)");
        plot.XLabel("AUC lost when shuffled");
        plot.Axes.Margins(left: 0);
        return plot;
    }

    private static Plot ClusterPlot(IReadOnlyList<int> sizes)
    {
        var plot = new Plot();
        if (sizes.Count == 0)
        {
            plot.Title("Cluster sizes: no clusters detected");
            return plot;
        }

        // Sizes span orders of magnitude: bucket by powers of two.
        var buckets = sizes.Where(s => s > 0).GroupBy(s => (int)Math.Floor(Math.Log2(s))).OrderBy(g => g.Key).ToList();
        var maxBucket = buckets[^1].Key;
        var counts = new double[maxBucket + 1];
        foreach (var bucket in buckets)
        {
            counts[bucket.Key] = bucket.Count();
        }

        var positions = Enumerable.Range(0, counts.Length).Select(i => (double)i).ToArray();
        var bars = plot.Add.Bars(positions, counts);
        bars.Color = Colors.MediumPurple;
        var tickLabels = positions.Select(p => p == 0 ? "1" : $"{1 << (int)p}–{(1 << ((int)p + 1)) - 1}").ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, tickLabels);
        plot.Title($"Cluster sizes ({sizes.Count:N0} clusters)");
        plot.XLabel("Members");
        plot.YLabel("Clusters");
        plot.Axes.Margins(bottom: 0);
        return plot;
    }

    private static string Html(ScoringReportData data, List<(string File, string Caption)> plots)
    {
        var cv = data.CrossValidation;
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>BehaviorGraph model report</title>");
        html.AppendLine("<style>body{font-family:sans-serif;margin:2em;max-width:1700px}table{border-collapse:collapse;margin:1em 0}" +
                        "td,th{border:1px solid #ccc;padding:4px 10px;text-align:right}th{background:#f4f4f4}" +
                        "figure{display:inline-block;margin:1em}figcaption{text-align:center;color:#555}</style></head><body>");
        html.AppendLine("<h1>BehaviorGraph model report</h1>");
        if (data.Model is { } model)
        {
            html.AppendLine(CultureInfo.InvariantCulture,
                $"<p>Model <b>{E(model.Version)}</b> ({E(model.Trainer)}, {model.FeatureNames.Count} features, trained {model.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC{(model.Promoted ? ", promoted" : string.Empty)}); training data hash <code>{E(model.TrainingDataHash[..Math.Min(16, model.TrainingDataHash.Length)])}</code>.</p>");
        }

        html.AppendLine(CultureInfo.InvariantCulture,
            $"<h2>Cross-validation</h2><p>{cv.Folds} folds (requested {cv.RequestedFolds}), stratified, linked accounts kept in one fold; {cv.Overall.Positives:N0} abusive and {cv.Overall.Negatives:N0} benign accounts.</p>");
        html.AppendLine("<table><tr><th>fold</th><th>accounts</th><th>groups</th><th>abusive</th><th>AUC</th><th>AUPRC</th><th>precision@k</th><th>k</th><th>recall at review</th></tr>");
        html.AppendLine(Row("overall", cv.Predictions.Count, null, cv.Overall));
        foreach (var fold in cv.FoldResults)
        {
            html.AppendLine(Row(fold.Fold.ToString(CultureInfo.InvariantCulture), fold.Accounts, fold.Groups, fold.Metrics));
        }

        html.AppendLine("</table>");
        foreach (var (file, caption) in plots)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<figure><img src=\"{E(file)}\" width=\"{Width}\" alt=\"{E(caption)}\"><figcaption>{E(caption)}</figcaption></figure>");
        }

        if (data.Importance.Count > 0)
        {
            html.AppendLine("<h2>Every feature's permutation importance</h2><table><tr><th>feature</th><th>AUC lost when shuffled</th></tr>");
            foreach (var feature in data.Importance.OrderByDescending(f => f.AucDrop))
            {
                html.AppendLine(CultureInfo.InvariantCulture, $"<tr><th>{E(feature.Feature)}</th><td>{feature.AucDrop:F5}</td></tr>");
            }

            html.AppendLine("</table>");
        }

        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static string Row(string name, int accounts, int? groups, ModelMetrics m) =>
        $"<tr><th>{E(name)}</th><td>{accounts:N0}</td><td>{(groups is { } g ? g.ToString("N0", CultureInfo.InvariantCulture) : "")}</td><td>{m.Positives:N0}</td>" +
        $"<td>{Show(m.Auc)}</td><td>{Show(m.Auprc)}</td><td>{Show(m.PrecisionAtK)}</td><td>{m.K:N0}</td><td>{Show(m.RecallAtReview)}</td></tr>";

    private static string Show(double? value) => value is { } v ? v.ToString("F4", CultureInfo.InvariantCulture) : "n/a";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
