using BehaviorGraph.Api.Contracts;
using BehaviorGraph.Core.Scoring;
using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Api.Scoring;

/// <summary>
/// The latest published scoring run in memory, so a risk lookup is a dictionary hit. <see cref="RefreshAsync"/>
/// asks the store for the latest run id (cheap) and reloads scores and cluster memberships only when it changed;
/// readers swap to the new snapshot atomically.
/// </summary>
internal sealed class ScoreCache(IBehaviorStore store, ILogger<ScoreCache> logger) : IDisposable
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile ScoreSnapshot _snapshot = ScoreSnapshot.Empty;

    public ScoreSnapshot Current => _snapshot;

    public void Dispose() => _refresh.Dispose();

    /// <summary>Reloads when the latest run changed; true when it did.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            var latest = await store.Scores.GetLatestRunAsync(cancellationToken);
            if (latest is null || latest.RunId == _snapshot.Run?.RunId)
            {
                return false;
            }

            var scores = new Dictionary<string, AccountScore>(StringComparer.Ordinal);
            await foreach (var score in store.Scores.ExportAsync(cancellationToken))
            {
                scores[score.Account] = score;
            }

            var members = new Dictionary<string, List<ClusterSummary>>(StringComparer.Ordinal);
            foreach (var cluster in await store.Clusters.ListAsync(null, 1, int.MaxValue, cancellationToken))
            {
                var summary = new ClusterSummary(cluster.Id, cluster.Kind.ToString().ToLowerInvariant(), cluster.Members.Count, cluster.Score, cluster.Evidence);
                foreach (var member in cluster.Members)
                {
                    if (!members.TryGetValue(member, out var list))
                    {
                        members[member] = list = [];
                    }

                    list.Add(summary);
                }
            }

            // The run read above may be older than the one the export saw if a run was published in between; the
            // export's own run id is the truth.
            var runId = scores.Count > 0 ? scores.Values.First().RunId : latest.RunId;
            var run = runId == latest.RunId ? latest : await store.Scores.GetLatestRunAsync(cancellationToken) ?? latest;
            _snapshot = new ScoreSnapshot(run, scores, members.ToDictionary(p => p.Key, p => p.Value.OrderByDescending(c => c.Score).ToArray(), StringComparer.Ordinal));
            logger.LogInformation("Loaded scoring run {RunId}: {Accounts} accounts", run.RunId, scores.Count);
            return true;
        }
        finally
        {
            _refresh.Release();
        }
    }
}
