using Microsoft.Extensions.Configuration;

namespace BehaviorGraph.Hosting;

/// <summary>
/// Resolves settings in the documented order: command-line flag, then environment variable
/// (<c>BEHAVIORGRAPH_STORE</c>, or any <c>BehaviorGraph__Section__Key</c>), then <c>appsettings.json</c>
/// (beside the executable, then the working directory), then the built-in default.
/// </summary>
public static class BehaviorGraphSettings
{
    public const string StoreEnvironmentVariable = "BEHAVIORGRAPH_STORE";
    public const string Section = "BehaviorGraph";

    /// <summary>The service's settings (rate limits, thresholds, body limits): <c>ServiceOptions</c>.</summary>
    public const string ServiceSection = Section + ":Service";

    /// <summary>The job host's settings (schedule file, inbox, workers): <c>JobsOptions</c>.</summary>
    public const string JobsSection = Section + ":Jobs";

    /// <summary>The analysis run's thresholds, by detector: <c>AnalysisOptions</c>.</summary>
    public const string AnalysisSection = Section + ":Analysis";

    /// <summary>The sections under <c>BehaviorGraph</c>; any other is a misspelling (<c>BehaviorGraph__Servce__…</c>).</summary>
    public static IReadOnlyList<string> KnownSections { get; } = ["Store", "Neo4j", "Service", "Jobs", "Analysis"];

    /// <summary>One sentence per key under <c>BehaviorGraph</c> that is no known section.</summary>
    public static IReadOnlyList<string> UnknownSections(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(Section).GetChildren()
            .Where(c => !KnownSections.Contains(c.Key, StringComparer.OrdinalIgnoreCase))
            .Select(c => $"{c.Path} is not a setting; {Section} takes {string.Join(", ", KnownSections)}.")
            .ToList();
    }

    /// <param name="flags">
    /// Settings given as command-line flags, by configuration key (<c>BehaviorGraph:Jobs:Workers</c>); they beat every
    /// other source.
    /// </param>
    public static IConfiguration LoadConfiguration(IEnumerable<KeyValuePair<string, string?>>? flags = null) =>
        AddSources(new ConfigurationBuilder(), flags).Build();

    /// <summary>Adds the sources in ascending precedence: both <c>appsettings.json</c> files, the environment, the flags.</summary>
    public static IConfigurationBuilder AddSources(IConfigurationBuilder builder, IEnumerable<KeyValuePair<string, string?>>? flags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables();
        if (flags is not null)
        {
            builder.AddInMemoryCollection(flags);
        }

        return builder;
    }

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
