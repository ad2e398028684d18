using BehaviorGraph.Core.Storage;
using BehaviorGraph.Storage.Postgres;
using BehaviorGraph.Storage.Sqlite;

namespace BehaviorGraph.Hosting;

/// <summary>Opens the backend a <see cref="StoreLocation"/> names.</summary>
public static class StoreOpener
{
    public static Task<IBehaviorStore> OpenAsync(StoreLocation location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.Backend switch
        {
            StoreBackend.Sqlite => SqliteBehaviorStore.OpenAsync(location.Target, cancellationToken),
            StoreBackend.Postgres => PostgresBehaviorStore.OpenAsync(location.Target, cancellationToken),
            _ => throw new NotSupportedException($"Store backend {location.Backend} is not supported."),
        };
    }
}
