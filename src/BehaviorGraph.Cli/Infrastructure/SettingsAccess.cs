using BehaviorGraph.Analytics.Pipeline;
using BehaviorGraph.Hosting;
using BehaviorGraph.Hosting.Settings;
using Microsoft.Extensions.Options;

namespace BehaviorGraph.Cli.Infrastructure;

/// <summary>Settings of commands without a host, read in the documented order and checked like the service's.</summary>
internal static class SettingsAccess
{
    /// <summary>The analysis thresholds of <c>BehaviorGraph:Analysis</c> (defaults where none is set).</summary>
    public static AnalysisOptions Analysis()
    {
        try
        {
            return AnalysisSettings.Read(BehaviorGraphSettings.LoadConfiguration());
        }
        catch (OptionsValidationException ex)
        {
            throw new UserFacingException(SettingsRegistration.Describe(ex), ex);
        }
    }
}
