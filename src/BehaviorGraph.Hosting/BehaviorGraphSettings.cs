using Microsoft.Extensions.Configuration;

namespace BehaviorGraph.Hosting;

/// <summary>
/// Resolves settings in the documented order: command-line flag, then environment variable
/// (<c>BEHAVIORGRAPH_STORE</c>, or any <c>BehaviorGraph__Key</c>), then <c>appsettings.json</c>
/// (beside the executable, then the working directory), then the built-in default.
/// </summary>
public static class BehaviorGraphSettings
{
    public const string StoreEnvironmentVariable = "BEHAVIORGRAPH_STORE";
    public const string Section = "BehaviorGraph";

    public static IConfiguration LoadConfiguration() =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();

    /// <summary>The store address that applies, and where it came from (for messages).</summary>
    public static (string Value, string Origin) ResolveStore(string? flag, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!string.IsNullOrWhiteSpace(flag))
        {
            return (flag, "--store");
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(StoreEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return (fromEnvironment, StoreEnvironmentVariable);
        }

        var fromConfiguration = configuration[$"{Section}:Store"];
        if (!string.IsNullOrWhiteSpace(fromConfiguration))
        {
            return (fromConfiguration, "configuration BehaviorGraph:Store");
        }

        return (Core.Storage.StoreLocation.DefaultValue, "default");
    }
}
