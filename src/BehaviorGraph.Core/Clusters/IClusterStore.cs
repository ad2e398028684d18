namespace BehaviorGraph.Core.Clusters;

/// <summary>Clusters of the latest complete analysis run.</summary>
public interface IClusterStore
{
    Task<IReadOnlyList<DetectedCluster>> ListAsync(ClusterKind? kind, int minSize, int limit, CancellationToken cancellationToken);

    Task<DetectedCluster?> GetAsync(string clusterId, CancellationToken cancellationToken);

    Task<IReadOnlyList<DetectedCluster>> GetForAccountAsync(string account, CancellationToken cancellationToken);
}
