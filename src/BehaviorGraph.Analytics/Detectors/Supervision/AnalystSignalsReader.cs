using BehaviorGraph.Core.Scoring;
using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Analytics.Detectors.Supervision;

/// <summary>Reads the labels and the latest scoring run's flagged accounts from a store.</summary>
internal static class AnalystSignalsReader
{
    public static async Task<AnalystSignals> ReadAsync(IBehaviorStore store, CancellationToken cancellationToken)
    {
        var labels = await store.Labels.GetLatestAsync(cancellationToken);
        var run = await store.Scores.GetLatestRunAsync(cancellationToken);
        var flagged = new List<AccountScore>();
        if (run is not null)
        {
            // Scores come highest first, so the flagged ones end at the first account allowed.
            await foreach (var score in store.Scores.ExportAsync(cancellationToken))
            {
                if (score.Decision == Decision.Allow)
                {
                    break;
                }

                flagged.Add(score with { Reasons = [] });
            }
        }

        return new AnalystSignals(labels, flagged, run?.Accounts ?? 0, run?.ModelVersion);
    }
}
