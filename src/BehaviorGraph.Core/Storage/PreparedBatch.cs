namespace BehaviorGraph.Core.Storage;

/// <summary>
/// A batch after the work a store can do on it before taking its write lock. Stores that prepare nothing
/// use this type as it is; a store that does subclasses it with what it computed.
/// </summary>
public class PreparedBatch(EventBatch batch)
{
    public EventBatch Batch { get; } = batch ?? throw new ArgumentNullException(nameof(batch));
}
