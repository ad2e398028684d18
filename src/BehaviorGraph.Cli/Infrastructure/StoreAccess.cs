using BehaviorGraph.Core.Storage;
using BehaviorGraph.Hosting;

namespace BehaviorGraph.Cli.Infrastructure;

internal static class StoreAccess
{
    /// <summary>The store the settings name (flag, environment, appsettings, default), parsed.</summary>
    public static (StoreLocation Location, string Origin) Resolve(StoreSettings settings)
    {
        var (value, origin) = BehaviorGraphSettings.ResolveStore(settings.Store, BehaviorGraphSettings.LoadConfiguration());
        try
        {
            return (StoreLocation.Parse(value), origin);
        }
        catch (FormatException ex)
        {
            throw new UserFacingException($"{ex.Message} (from {origin})", ex);
        }
    }

    public static async Task<IBehaviorStore> OpenAsync(StoreSettings settings, CancellationToken cancellationToken)
    {
        var (location, origin) = Resolve(settings);

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
