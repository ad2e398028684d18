using BehaviorGraph.Analytics.Pipeline;

namespace BehaviorGraph.Cli.Commands.Analysis;

/// <summary>The machine form of a <see cref="ClusterRecoveryReport"/>, shared by <c>evaluate-clusters --json</c> and <c>bench recovery --json</c>.</summary>
internal static class ClusterRecoveryJson
{
    public static object From(ClusterRecoveryReport report) => new
    {
        clusters = report.Clusters.Select(m => new
        {
            id = m.Id,
            kind = m.Kind,
            size = m.Size,
            matched = m.MatchedId,
            matchedSize = m.MatchedSize,
            precision = Math.Round(m.Precision, 4),
            recall = Math.Round(m.Recall, 4),
            f1 = Math.Round(m.F1, 4),
        }),
        meanF1 = Math.Round(report.MeanF1, 4),
        meanF1ByKind = report.MeanF1ByKind.ToDictionary(k => k.Kind, k => Math.Round(k.MeanF1, 4)),
        plantedClusters = report.Clusters.Count,
        plantedAbusers = report.PlantedAbusers,
        precision = new
        {
            rule = $"a reported cluster is true when more than {report.AbuserShareThreshold:P0} of its members are planted abusers (of any planted cluster)",
            threshold = report.AbuserShareThreshold,
            kinds = report.Precision.ToDictionary(
                p => ClusterKindParser.Name(p.Kind),
                p => new { reported = p.Reported, mostlyPlanted = p.MostlyPlanted, @false = p.False, precision = p.Precision is { } v ? Math.Round(v, 4) : (double?)null }),
        },
        falseClusters = new
        {
            ring = report.PrecisionOf(Core.Clusters.ClusterKind.Ring).False,
            bot = report.PrecisionOf(Core.Clusters.ClusterKind.Bot).False,
            block = report.PrecisionOf(Core.Clusters.ClusterKind.Block).False,
            total = report.FalseClusters,
        },
        reported = report.Reported.Select(r => new
        {
            id = r.Id,
            kind = ClusterKindParser.Name(r.Kind),
            size = r.Size,
            plantedAbusers = r.PlantedAbusers,
            abuserShare = Math.Round(r.AbuserShare, 4),
            mostlyPlanted = r.MostlyPlanted,
            hardNegative = r.HardNegativeId,
            hardNegativeShare = Math.Round(r.HardNegativeShare, 4),
        }),
    };
}
