using BehaviorGraph.Core.Storage;
using BehaviorGraph.Hosting;

namespace BehaviorGraph.Cli.Infrastructure;

internal static class StoreAccess
{
    public static async Task<IBehaviorStore> OpenAsync(StoreSettings settings, CancellationToken cancellationToken)
    {
        var (value, origin) = BehaviorGraphSettings.ResolveStore(settings.Store, BehaviorGraphSettings.LoadConfiguration());
        StoreLocation location;
        try
        {
            location = StoreLocation.Parse(value);
        }
        catch (FormatException ex)
        {
            throw new UserFacingException($"{ex.Message} (from {origin})", ex);
        }

        try
        {
            return await StoreOpener.OpenAsync(location, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not UserFacingException)
        {
            throw new UserFacingException($"Cannot open store {location} (from {origin}): {ex.Message}", ex);
        }
    }
}
