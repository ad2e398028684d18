using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Cli.Commands.Bench;

/// <summary>
/// One grid point over its seeds: mean F1 per planted kind (averaged over the runs that planted the kind), mean F1
/// over all planted clusters and its worst run, precision per reported kind pooled over the runs (null when nothing of
/// the kind was reported), and the most false clusters of each kind in one run; the mean F1 of the first analysis
/// (before a scoring cycle) beside it.
/// </summary>
internal sealed record RecoveryPointSummary(
    string Name,
    string Description,
    int Runs,
    bool PlantsAbuse,
    IReadOnlyDictionary<string, double> MeanF1ByKind,
    double? MeanF1,
    double? WorstRunF1,
    double? FirstAnalysisMeanF1,
    IReadOnlyDictionary<ClusterKind, double?> Precision,
    IReadOnlyDictionary<ClusterKind, int> MostFalsePerRun,
    double SecondsPerRun,
    double? Density,
    string? Attack)
{
    public static RecoveryPointSummary Of(IReadOnlyList<RecoveryRun> runs)
    {
        var scenario = runs[0].Scenario;
        var kinds = runs.SelectMany(r => r.Report.MeanF1ByKind.Select(k => k.Kind)).Distinct().ToList();
        var byKind = kinds.ToDictionary(
            k => k,
            k => runs.Where(r => r.Report.HasPlanted(k)).Average(r => r.Report.MeanF1Of(k)));
        var planted = runs.Where(r => r.Report.PlantedAbuse).ToList();
        var precision = new Dictionary<ClusterKind, double?>();
        var mostFalse = new Dictionary<ClusterKind, int>();
        foreach (var kind in Analytics.Pipeline.ClusterRecoveryReport.JudgedKinds)
        {
            var reported = runs.Sum(r => r.Report.PrecisionOf(kind).Reported);
            var mostlyPlanted = runs.Sum(r => r.Report.PrecisionOf(kind).MostlyPlanted);
            precision[kind] = reported == 0 ? null : (double)mostlyPlanted / reported;
            mostFalse[kind] = runs.Max(r => r.Report.PrecisionOf(kind).False);
        }

        return new RecoveryPointSummary(
            scenario.Name,
            scenario.Description,
            runs.Count,
            planted.Count > 0,
            byKind,
            planted.Count == 0 ? null : planted.Average(r => r.Report.MeanF1),
            planted.Count == 0 ? null : planted.Min(r => r.Report.MeanF1),
            planted.Count == 0 ? null : planted.Average(r => r.FirstAnalysis.MeanF1),
            precision,
            mostFalse,
            runs.Average(r => (r.Generate + r.Ingest + r.Analyze + r.CycleTime).TotalSeconds),
            scenario.Fraudar?.Density,
            scenario.Fraudar is { } f ? Synthetic.SyntheticGrid.AttackName(f.Attack) : null);
    }
}
