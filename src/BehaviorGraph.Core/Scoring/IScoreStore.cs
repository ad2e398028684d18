namespace BehaviorGraph.Core.Scoring;

/// <summary>
/// Scores published per run. Readers always see one complete run: the latest published one. A run being written
/// stays invisible until <see cref="PublishAsync"/> commits it whole.
/// </summary>
public interface IScoreStore
{
    /// <summary>
    /// Reserves a run id for scores of <paramref name="modelVersion"/> on the snapshot of analysis run
    /// <paramref name="snapshotRunId"/>, recording the thresholds its decisions are made with.
    /// </summary>
    Task<long> BeginRunAsync(string modelVersion, long snapshotRunId, DecisionThresholds thresholds, CancellationToken cancellationToken);

    /// <summary>Writes every score of the run and makes it the visible run, in one transaction.</summary>
    Task<ScoringRunInfo> PublishAsync(long runId, IReadOnlyList<AccountScore> scores, CancellationToken cancellationToken);

    /// <summary>The account's score in the latest published run, or null.</summary>
    Task<AccountScore?> GetAsync(string account, CancellationToken cancellationToken);

    /// <summary>The scores of those <paramref name="accounts"/> that the latest published run holds.</summary>
    Task<IReadOnlyList<AccountScore>> GetManyAsync(IReadOnlyCollection<string> accounts, CancellationToken cancellationToken);

    /// <summary>Every score of the latest published run, highest first, read from one consistent snapshot.</summary>
    IAsyncEnumerable<AccountScore> ExportAsync(CancellationToken cancellationToken);

    /// <summary>The latest published run, or null when none was published.</summary>
    Task<ScoringRunInfo?> GetLatestRunAsync(CancellationToken cancellationToken);
}
