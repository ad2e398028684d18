namespace BehaviorGraph.Core.Scoring;

/// <summary>Versioned models; at most one is promoted (the one scoring uses).</summary>
public interface IModelRegistry
{
    /// <summary>Saves a new model; its version must not exist yet. The saved model is not promoted.</summary>
    Task SaveAsync(ModelRecord model, CancellationToken cancellationToken);

    /// <summary>Every model without its bytes, newest first.</summary>
    Task<IReadOnlyList<ModelInfo>> ListAsync(CancellationToken cancellationToken);

    Task<ModelRecord?> GetAsync(string version, CancellationToken cancellationToken);

    Task<ModelRecord?> GetPromotedAsync(CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="version"/> the only promoted model; false when no such version exists.</summary>
    Task<bool> PromoteAsync(string version, CancellationToken cancellationToken);
}
