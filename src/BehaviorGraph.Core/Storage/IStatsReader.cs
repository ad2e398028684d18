namespace BehaviorGraph.Core.Storage;

public interface IStatsReader
{
    Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken);

    /// <summary>The most recent quarantined rows, newest first.</summary>
    Task<IReadOnlyList<QuarantineEntry>> GetQuarantineAsync(int limit, CancellationToken cancellationToken);
}
