using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace BehaviorGraph.Hosting.Settings;

/// <summary>
/// Runs before the binder: unknown keys and values that do not convert fail with their full path
/// (<c>BehaviorGraph:Service:RateLimitPerSecond must be a whole number; got 'fast'.</c>) instead of being ignored or
/// failing in the binder with .NET type names.
/// </summary>
internal sealed class SettingsShapeCheck<T>(IConfiguration configuration, string section) : IConfigureOptions<T>
    where T : class
{
    public void Configure(T options)
    {
        var problems = SettingsShape.Problems(configuration.GetSection(section), typeof(T));
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(T), problems);
        }
    }
}
